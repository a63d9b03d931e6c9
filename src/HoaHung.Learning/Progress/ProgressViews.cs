using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Progress;

/// <summary>What the lesson page shows a learner about her own progress in it.</summary>
public sealed record LessonState(bool Completed, int VideoPositionSeconds);

public sealed record LessonProgressCard(LessonCard Lesson, DateTime LastOpenedAt, DateTime? CompletedAt, int VideoPositionSeconds);

public sealed record PathProgressView(string Slug, string Title, int Completed, int Total, LessonCard? Next)
{
    public int Percent => Total == 0 ? 0 : Completed * 100 / Total;
    public bool IsFinished => Total > 0 && Completed == Total;
}

public sealed record CertificateCard(string Code, string PathTitle, string PathSlug, DateTime IssuedAt);

/// <summary>
/// The "Của tôi" page: where to continue, the newest <see cref="LearnerProgress.ListSize"/> of what is in progress
/// and done with how many there are of each, paths and certificates.
/// </summary>
public sealed record MyLearningView(
    LessonCard? ContinueWith,
    IReadOnlyList<LessonProgressCard> InProgress,
    int InProgressTotal,
    IReadOnlyList<LessonProgressCard> Completed,
    int CompletedTotal,
    IReadOnlyList<PathProgressView> Paths,
    IReadOnlyList<CertificateCard> Certificates)
{
    public bool IsEmpty => InProgressTotal == 0 && CompletedTotal == 0;
}

/// <summary>One page of one of her lists ("Xem tất cả"): at most <see cref="LearnerProgress.ListSize"/> lessons, newest first.</summary>
/// <param name="Page">The page shown: the one asked for, or the last when she asked past it (1 when the list is empty).</param>
public sealed record MyListPage(MyList List, IReadOnlyList<LessonProgressCard> Lessons, int Total, int Page, int Pages);

/// <summary>Where finishing a lesson leaves her: the paths that contain it, and the certificates of those she finished.</summary>
public sealed record CompletionView(IReadOnlyList<PathProgressView> Paths, IReadOnlyList<CertificateCard> Certificates);

/// <summary>A row of progress from either store (the database for accounts, the cookie for anonymous readers).</summary>
internal sealed record ProgressRow(int LessonId, DateTime FirstOpenedAt, DateTime LastOpenedAt, DateTime? CompletedAt, int VideoPositionSeconds);
