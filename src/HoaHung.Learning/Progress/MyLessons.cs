using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Progress;

/// <summary>One of her lists of lessons on "Của tôi".</summary>
public enum MyList
{
    /// <summary>Opened and not finished, the one she opened last first.</summary>
    InProgress,

    /// <summary>Finished, the one she finished last first.</summary>
    Completed,
}

/// <summary>
/// Picks a page of one of her lists out of her rows without sorting her whole history: a keen learner has hundreds
/// of rows (thousands in the generated city), and "Của tôi" shows the newest <see cref="LearnerProgress.ListSize"/>
/// of each list on every visit (docs/capacity.md, "What breaks first" 1). One pass counts the list, a second keeps
/// the newest <c>skip + take</c> in a heap of that size: O(n log k), with n her rows, k at most 20 on "Của tôi".
/// </summary>
internal static class MyLessons
{
    public static bool Belongs(ProgressRow row, MyList list) => (row.CompletedAt is not null) == (list == MyList.Completed);

    /// <summary>Newest first; ties (an anonymous reader's times are whole minutes) broken by lesson, so pages never overlap.</summary>
    private static (DateTime When, int LessonId) Key(ProgressRow row, MyList list) =>
        (list == MyList.Completed ? row.CompletedAt!.Value : row.LastOpenedAt, row.LessonId);

    /// <summary>How many lessons of the list she has that the catalog still shows.</summary>
    public static int Count(IReadOnlyList<ProgressRow> rows, IReadOnlyDictionary<int, LessonCard> shown, MyList list)
    {
        var total = 0;
        foreach (var row in rows)
            if (Belongs(row, list) && shown.ContainsKey(row.LessonId))
                total++;
        return total;
    }

    /// <summary>The lessons of the list after the newest <paramref name="skip"/>, at most <paramref name="take"/>, newest first.</summary>
    public static List<LessonProgressCard> Newest(IReadOnlyList<ProgressRow> rows, IReadOnlyDictionary<int, LessonCard> shown,
        MyList list, int skip, int take)
    {
        var keep = skip + take;
        if (take <= 0 || keep <= 0)
            return [];
        var newest = new PriorityQueue<ProgressRow, (DateTime, int)>(keep + 1); // the oldest kept on top
        foreach (var row in rows)
        {
            if (!Belongs(row, list) || !shown.ContainsKey(row.LessonId))
                continue;
            if (newest.Count < keep)
                newest.Enqueue(row, Key(row, list));
            else
                newest.EnqueueDequeue(row, Key(row, list)); // drops the oldest of the kept and this one
        }
        var page = new List<LessonProgressCard>(Math.Max(0, newest.Count - skip));
        while (newest.Count > skip)
        {
            var row = newest.Dequeue();
            page.Add(new LessonProgressCard(shown[row.LessonId], row.LastOpenedAt, row.CompletedAt, row.VideoPositionSeconds));
        }
        page.Reverse();
        return page;
    }
}
