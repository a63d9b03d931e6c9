using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// Progress's side of <see cref="ILessonCompletion"/>: a passed quiz completes its lesson in her progress (her
/// account's rows, or the anonymous reader's cookie). Wired here, where both features meet, so that neither core
/// feature depends on the other in both directions.
/// </summary>
internal sealed class ProgressLessonCompletion(LearnerProgress progress) : ILessonCompletion
{
    public Task CompleteAsync(Learner learner, int lessonId, CancellationToken ct) => progress.CompleteAsync(learner, lessonId, ct);
}
