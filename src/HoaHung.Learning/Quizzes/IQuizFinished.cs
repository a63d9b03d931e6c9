namespace HoaHung.Learning.Quizzes;

/// <summary>An attempt just scored, told to the features that keep something about it (gains, issue 22 item 3).</summary>
/// <param name="UserId">Her account; null for an anonymous reader.</param>
public sealed record QuizFinished(Guid AttemptId, int LessonId, string? UserId, int ScorePercent, DateTime FinishedAt);

/// <summary>
/// Told once per attempt, when it is scored, on the same <see cref="Data.LearningDbContext"/> and inside the transaction
/// that stores the score: what it writes is saved with the score or not at all.
/// </summary>
public interface IQuizFinished
{
    Task FinishedAsync(QuizFinished finished, CancellationToken ct);
}
