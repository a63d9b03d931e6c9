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

/// <summary>The "Của tôi" page: where to continue, what is in progress and done, paths and certificates.</summary>
public sealed record MyLearningView(
    LessonCard? ContinueWith,
    IReadOnlyList<LessonProgressCard> InProgress,
    IReadOnlyList<LessonProgressCard> Completed,
    IReadOnlyList<PathProgressView> Paths,
    IReadOnlyList<CertificateCard> Certificates)
{
    public bool IsEmpty => InProgress.Count == 0 && Completed.Count == 0;
}

/// <summary>Where finishing a lesson leaves her: the paths that contain it, and the certificates of those she finished.</summary>
public sealed record CompletionView(IReadOnlyList<PathProgressView> Paths, IReadOnlyList<CertificateCard> Certificates);

/// <summary>A row of progress from either store (the database for accounts, the cookie for anonymous readers).</summary>
internal sealed record ProgressRow(int LessonId, DateTime FirstOpenedAt, DateTime LastOpenedAt, DateTime? CompletedAt, int VideoPositionSeconds);
