using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Quizzes;

/// <summary>The lessons whose quiz she passed, for the certificate rule (<see cref="CertificateRule"/>).</summary>
internal sealed class QuizPasses(LearningDbContext db) : IQuizPasses
{
    public async Task<IReadOnlySet<int>> PassedAsync(string userId, IReadOnlyCollection<int> lessonIds, CancellationToken ct) =>
        (await db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.UserId == userId && a.Passed && lessonIds.Contains(a.LessonId))
            .Select(a => a.LessonId).Distinct().ToListAsync(ct)).ToHashSet();
}
