using HoaHung.Learning.WardStats;

namespace HoaHung.Learning.Gains;

/// <summary>
/// A path's gains as published: how many took the entry test both before and after, and the medians of their scores
/// before, after and of each person's own gain (not the difference of the two medians). Null medians when they are
/// not shown: nobody, or fewer than 5 people (<see cref="Disclosure"/>: no figure may single anyone out).
/// </summary>
public sealed record GainFigure(string PathSlug, string PathTitle, Shown People, double? MedianBefore, double? MedianAfter, double? MedianGain)
{
    public bool ShowsMedians => MedianBefore is not null;
}

/// <summary>Medians of paired scores, protected by <see cref="Disclosure"/>. Pure.</summary>
public static class GainMath
{
    /// <summary>The fewest people whose medians are shown: the same line as every other count (1–4 is <c>&lt;5</c>).</summary>
    public const int MinPeople = 5;

    public static GainFigure Figure(string slug, string title, IReadOnlyList<(int Before, int After)> pairs)
    {
        var people = Disclosure.Cell(pairs.Count);
        if (pairs.Count < MinPeople)
            return new GainFigure(slug, title, people, null, null, null);
        return new GainFigure(slug, title, people, Median(pairs.Select(p => p.Before)), Median(pairs.Select(p => p.After)),
            Median(pairs.Select(p => p.After - p.Before)));
    }

    /// <summary>The middle value, or the mean of the two middle ones; null for no values.</summary>
    public static double? Median(IEnumerable<int> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0)
            return null;
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}

/// <summary>The gains of a class as a table for its report's workbook (<see cref="Classes.ReportFiles"/>).</summary>
public static class GainTables
{
    /// <param name="header">Path, people who took both, median before, median after, median gain.</param>
    public static Classes.ReportTable From(IReadOnlyList<GainFigure> figures, IReadOnlyList<string> header) =>
        new(header, figures.Select(g => (IReadOnlyList<object?>)new List<object?>
            { g.PathTitle, g.People.Hidden ? g.People.Text : g.People.Value, g.MedianBefore, g.MedianAfter, g.MedianGain }).ToList());
}
