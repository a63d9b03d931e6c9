using HoaHung.Learning.Progress;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// What finishing a quiz needs from the Progress feature: passing completes the lesson (a quiz lesson, or the
/// tutorial whose checkpoint the quiz is). Progress implements it, since it knows where a learner's progress is
/// kept (her account's rows, or an anonymous reader's cookie).
/// </summary>
public interface ILessonCompletion
{
    /// <summary>Marks the lesson completed for the learner (idempotent).</summary>
    Task CompleteAsync(Learner learner, int lessonId, CancellationToken ct);
}
