using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Quizzes;

/// <summary>A learner's quiz results across the library, for "Của tôi".</summary>
public sealed class QuizResults(LearningDbContext db, QuizSummaries held, LessonCatalog catalog)
{
    // Compiled once: read on every view of "Của tôi" by an anonymous reader (a signed-in one's are held, QuizSummaries).
    private static readonly PerModel<Func<LearningDbContext, Guid, IAsyncEnumerable<Summary>>> OfVisitor = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, Guid anonymousId) => db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.UserId == null && a.AnonymousId == anonymousId && a.FinishedAt != null)
            .GroupBy(a => a.LessonId)
            .Select(g => new Summary(g.Key, g.Max(a => a.ScorePercent), g.Any(a => a.Passed), g.Count(), g.Max(a => a.FinishedAt!.Value)))));

    /// <summary>
    /// One page (from 1) of her quiz results, <paramref name="size"/> a page, the one she finished last first: per quiz
    /// lesson the library still shows, her best score, whether she passed (in any attempt) and her finished attempts.
    /// A page past the end is the last one. Sorting her summaries (one per quiz she took, held in memory) is all that
    /// grows with her history; only the page's lessons are read (issue 25: "Của tôi" costs the same for everyone).
    /// </summary>
    public async Task<QuizResultPage> PageAsync(Learner learner, int page, int size, CancellationToken ct)
    {
        var rows = learner.UserId is { } userId
            ? await held.OfAsync(userId, ct)
            : await OfVisitor.For(db)(db, learner.AnonymousId ?? Guid.Empty).ToListAsync(ct);
        var shown = (await catalog.IndexAsync(ct)).ById;
        var listed = rows.Where(r => shown.ContainsKey(r.LessonId)).ToList();
        var pages = Math.Max(1, (listed.Count + size - 1) / size);
        var at = Math.Clamp(page, 1, pages);
        var slice = listed.OrderByDescending(r => r.Last).ThenBy(r => r.LessonId).Skip((at - 1) * size).Take(size).ToList();
        if (slice.Count == 0)
            return new QuizResultPage([], listed.Count, at, pages);
        var ids = slice.Select(r => r.LessonId).ToList();
        var titles = await db.Lessons.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.QuizTitle }).ToDictionaryAsync(l => l.Id, l => l.QuizTitle, ct);
        var results = slice.Select(r => new QuizResultCard(shown[r.LessonId].Slug,
            titles.GetValueOrDefault(r.LessonId) ?? shown[r.LessonId].Title, r.Best, r.Passed, r.Attempts)).ToList();
        return new QuizResultPage(results, listed.Count, at, pages);
    }
}

internal sealed record Summary(int LessonId, int Best, bool Passed, int Attempts, DateTime Last);

/// <summary>
/// Each signed-in learner's quiz summaries, held in this process (<see cref="PerLearner{T}"/>), forgotten through
/// <see cref="LearnerChanges"/> when an attempt of hers finishes, her attempts are merged or deleted.
/// </summary>
public sealed class QuizSummaries(IDbContextFactory<LearningDbContext> contexts, LearnerChanges changes) : IDisposable
{
    private static readonly PerModel<Func<LearningDbContext, string, IAsyncEnumerable<Summary>>> OfUser = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId) => db.Set<QuizAttempt>().AsNoTracking()
            .Where(a => a.UserId == userId && a.FinishedAt != null)
            .GroupBy(a => a.LessonId)
            .Select(g => new Summary(g.Key, g.Max(a => a.ScorePercent), g.Any(a => a.Passed), g.Count(), g.Max(a => a.FinishedAt!.Value)))));

    private readonly PerLearner<List<Summary>> held = new(changes, 20_000);

    internal ValueTask<List<Summary>> OfAsync(string userId, CancellationToken ct) => held.GetAsync(userId, async token =>
    {
        await using var db = await contexts.CreateDbContextAsync(token);
        return await OfUser.For(db)(db, userId).ToListAsync(token);
    }, ct);

    public void Dispose() => held.Dispose();
}

/// <summary>At sign-in or sign-up, an anonymous reader's attempts become her account's (idempotent).</summary>
internal sealed class QuizAnonymousWork(LearningDbContext db) : IAnonymousWorkMerger
{
    public async Task MergeAsync(Guid anonymousId, string userId, CancellationToken ct)
    {
        // Only one open attempt per lesson may remain: where the account has one already, the anonymous one is set aside.
        var accountOpen = db.Set<QuizAttempt>().Where(a => a.UserId == userId && a.Open == true).Select(a => a.LessonId);
        await db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId && a.Open == true && accountOpen.Contains(a.LessonId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Open, (bool?)null), ct);
        await db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, userId).SetProperty(a => a.AnonymousId, (Guid?)null), ct);
    }

    public async Task MergeIntoVisitorAsync(Guid anonymousId, Guid intoAnonymousId, CancellationToken ct)
    {
        var visitorOpen = db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == intoAnonymousId && a.Open == true).Select(a => a.LessonId);
        await db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId && a.Open == true && visitorOpen.Contains(a.LessonId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Open, (bool?)null), ct);
        await db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AnonymousId, intoAnonymousId), ct);
    }

    public async Task ForgetVisitorAsync(Guid anonymousId, CancellationToken ct)
    {
        var attempts = db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId).Select(a => a.Id);
        await db.Set<QuizAnswer>().Where(x => attempts.Contains(x.AttemptId)).ExecuteDeleteAsync(ct);
        await db.Set<QuizAttempt>().Where(a => a.UserId == null && a.AnonymousId == anonymousId).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Her quiz attempts in her data export, and their removal with her account (no aggregates kept).</summary>
internal sealed class QuizPersonalData(LearningDbContext db, LearnerChanges changes) : IPersonalDataOwner
{
    public string ExportKey => "quizzes";

    public async Task<object> ExportAsync(string userId, CancellationToken ct)
    {
        var attempts = await db.Set<QuizAttempt>().AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Lessons, a => a.LessonId, l => l.Id, (a, l) => new { a.Id, lesson = l.Slug, a.StartedAt, a.FinishedAt, a.ScorePercent, a.Passed })
            .OrderBy(a => a.StartedAt).ToListAsync(ct);
        var ids = attempts.Select(a => a.Id).ToList();
        var answers = (await db.Set<QuizAnswer>().AsNoTracking().Where(a => ids.Contains(a.AttemptId)).ToListAsync(ct)).ToLookup(a => a.AttemptId);
        return attempts.Select(a => new
        {
            lesson = a.lesson,
            startedAt = a.StartedAt,
            finishedAt = a.FinishedAt,
            scorePercent = a.FinishedAt is null ? (int?)null : a.ScorePercent,
            passed = a.FinishedAt is null ? (bool?)null : a.Passed,
            answers = answers[a.Id].OrderBy(x => x.AnsweredAt)
                .Select(x => new { question = x.Question + 1, answer = x.Response, correct = x.Correct, answeredAt = x.AnsweredAt }).ToList(),
        }).ToList();
    }

    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        var mine = db.Set<QuizAttempt>().Where(a => a.UserId == userId).Select(a => a.Id);
        await db.Set<QuizAnswer>().Where(a => mine.Contains(a.AttemptId)).ExecuteDeleteAsync(ct);
        await db.Set<QuizAttempt>().Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await changes.ChangedAsync(userId, ct);
    }
}
