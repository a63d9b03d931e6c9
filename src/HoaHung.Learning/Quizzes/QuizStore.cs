using System.Linq.Expressions;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// The reads that taking a quiz (<see cref="QuizAttempts"/>) and showing it (<see cref="QuizPlayer"/>) share:
/// published quiz lessons, a learner's own attempts and answers, and a revision's quiz.
/// </summary>
public sealed class QuizStore(LearningDbContext db, IMemoryCache cache)
{
    public IQueryable<Lesson> QuizLessons => db.Lessons.AsNoTracking()
        .Where(l => l.Status == LessonStatus.Published && l.PublishedRevisionId != null && l.QuizTitle != null);

    public Task<bool> IsPublishedAsync(int lessonId, CancellationToken ct) =>
        db.Lessons.AnyAsync(l => l.Id == lessonId && l.Status == LessonStatus.Published, ct);

    /// <summary>Her attempts only: an attempt id of someone else reads as not found.</summary>
    public IQueryable<QuizAttempt> Attempts(Learner learner) => db.Set<QuizAttempt>().AsNoTracking().Where(Mine(learner));

    public static Expression<Func<QuizAttempt, bool>> Mine(Learner learner)
    {
        if (learner.UserId is { } userId)
            return a => a.UserId == userId;
        var anonymousId = learner.AnonymousId ?? Guid.Empty;
        return a => a.UserId == null && a.AnonymousId == anonymousId;
    }

    /// <summary>The answers of an attempt by question index (as written in quiz.yml).</summary>
    public async Task<Dictionary<int, QuizAnswer>> AnsweredAsync(Guid attemptId, CancellationToken ct) =>
        await db.Set<QuizAnswer>().AsNoTracking().Where(a => a.AttemptId == attemptId).ToDictionaryAsync(a => a.Question, ct);

    /// <summary>Revisions never change, so their quiz is parsed once and kept.</summary>
    public async Task<QuizDefinition> QuizAsync(int revisionId, CancellationToken ct)
    {
        if (cache.TryGetValue(("quiz", revisionId), out QuizDefinition? hit))
            return hit!;
        var json = await db.LessonRevisions.AsNoTracking().Where(r => r.Id == revisionId).Select(r => r.QuizJson).FirstAsync(ct);
        var quiz = QuizDefinition.FromJson(json) ?? throw new InvalidOperationException($"Revision {revisionId} has no quiz");
        cache.Set(("quiz", revisionId), quiz, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(6) });
        return quiz;
    }
}
