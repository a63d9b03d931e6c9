namespace HoaHung.Learning.Progress;

/// <summary>What a lesson asks of a learner before it counts toward a certificate (from the published lesson).</summary>
/// <param name="HasVideo">A video file of the site's own, whose watching the lesson page records (a YouTube frame cannot be followed).</param>
/// <param name="HasQuiz">A quiz lesson, or a lesson ending with a checkpoint quiz.</param>
public sealed record LessonRequirement(int LessonId, int Minutes, bool HasVideo, bool HasQuiz);

/// <summary>What the learner did in a lesson, as recorded.</summary>
public sealed record LessonEvidence(DateTime FirstOpenedAt, DateTime? CompletedAt, DateTime? VideoWatchedAt, bool QuizPassed);

/// <summary>
/// When a lesson counts toward a certificate (docs/architecture.md §4): a certificate says she learned, so pressing
/// "Tôi đã học xong" on six lessons in ten seconds earns none. Pure, so it stays the one rule however progress is
/// stored or buffered.
/// </summary>
public static class CertificateRule
{
    /// <summary>The share of a lesson's stated minutes that must pass between her first opening it and saying she finished.</summary>
    public const double ReadingShare = 0.5;

    /// <summary>
    /// A lesson with a quiz counts once its quiz is passed; a video lesson once its video was watched (90%); any
    /// other once she said she finished at least <see cref="ReadingShare"/> of its minutes after first opening it.
    /// </summary>
    public static bool Counts(LessonRequirement lesson, LessonEvidence? evidence)
    {
        if (evidence is null)
            return false;
        if (lesson.HasQuiz)
            return evidence.QuizPassed;
        if (evidence.CompletedAt is not { } completed)
            return false;
        if (lesson.HasVideo)
            return evidence.VideoWatchedAt is not null;
        return completed - evidence.FirstOpenedAt >= PlausibleReadingTime(lesson.Minutes);
    }

    public static TimeSpan PlausibleReadingTime(int minutes) => TimeSpan.FromMinutes(minutes * ReadingShare);
}

/// <summary>The lessons whose quiz a learner has passed (implemented by Quizzes, which owns the attempts).</summary>
public interface IQuizPasses
{
    Task<IReadOnlySet<int>> PassedAsync(string userId, IReadOnlyCollection<int> lessonIds, CancellationToken ct);
}
