using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Progress;

/// <summary>
/// Records and reads a learner's progress, whoever she is: a signed-in learner's rows in the database, an anonymous
/// reader's in her cookie (<see cref="Learner.Anonymous"/>, changed in place; the web layer writes it back). The
/// learner comes from the authenticated principal or the signed cookie, never from the request, so a learner can
/// only read and change her own progress. An anonymous reader's progress joins her account through
/// <see cref="MergeAsync"/>.
/// </summary>
public sealed class LearnerProgress(
    LearningDbContext db, LessonCatalog catalog, TimeProvider clock, Certificates certificates, IEnumerable<IAnonymousWorkMerger> mergers)
{
    /// <summary>Share of a video that counts as having watched it.</summary>
    public const double WatchedShare = 0.9;

    public static bool IsWatched(int seconds, int duration) => duration > 0 && seconds >= duration * WatchedShare;

    /// <summary>Her progress in one lesson; null when she has none.</summary>
    public async Task<LessonState?> StateAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
            return await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.LessonId == lessonId)
                .Select(p => new LessonState(p.CompletedAt != null, p.VideoPositionSeconds)).FirstOrDefaultAsync(ct);
        return learner.Anonymous!.Find(lessonId) is { } entry ? new LessonState(entry.IsCompleted, entry.VideoPosition) : null;
    }

    public Task RecordOpenAsync(Learner learner, int lessonId, CancellationToken ct) =>
        ChangeAsync(learner, lessonId, (p, now) => p.LastOpenedAt = now, (a, now) => a.Opened(lessonId, now), ct);

    /// <summary>Marks the lesson completed (idempotent) and issues the certificates this earns.</summary>
    public async Task CompleteAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        await ChangeAsync(learner, lessonId, (p, now) => { p.LastOpenedAt = now; p.CompletedAt ??= now; },
            (a, now) => a.Completed(lessonId, now), ct);
        if (learner.UserId is { } userId)
            await certificates.IssueEarnedAsync(userId, ct);
    }

    /// <summary>Saves where she stopped in the video; having watched <see cref="WatchedShare"/> of it completes the lesson.</summary>
    public async Task<bool> SaveVideoPositionAsync(Learner learner, int lessonId, int seconds, int duration, CancellationToken ct)
    {
        var watched = IsWatched(seconds, duration);
        await ChangeAsync(learner, lessonId, (p, now) =>
        {
            p.LastOpenedAt = now;
            p.VideoPositionSeconds = seconds;
            if (watched) p.CompletedAt ??= now;
        }, (a, now) =>
        {
            a.VideoAt(lessonId, seconds, now);
            if (watched) a.Completed(lessonId, now);
        }, ct);
        if (watched && learner.UserId is { } userId)
            await certificates.IssueEarnedAsync(userId, ct);
        return watched;
    }

    /// <summary>
    /// Adds an anonymous reader's progress to her account. Idempotent (earliest first-open, latest last-open,
    /// earliest completion, furthest video position), so replaying the same cookie never doubles anything.
    /// </summary>
    public async Task MergeAsync(string userId, AnonymousProgress anonymous, CancellationToken ct)
    {
        var ids = anonymous.Lessons.Select(l => l.LessonId).ToList();
        var existing = await db.Lessons.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        foreach (var entry in anonymous.Lessons.Where(l => existing.Contains(l.LessonId)))
        {
            var first = AnonymousProgress.ToDateTime(entry.FirstOpened);
            var last = AnonymousProgress.ToDateTime(entry.LastOpened);
            DateTime? completed = entry.IsCompleted ? AnonymousProgress.ToDateTime(entry.Completed) : null;
            await UpsertAsync(userId, entry.LessonId, (p, _) =>
            {
                if (p.FirstOpenedAt > first) p.FirstOpenedAt = first;
                if (p.LastOpenedAt < last) p.LastOpenedAt = last;
                if (completed is not null && (p.CompletedAt is null || p.CompletedAt > completed)) p.CompletedAt = completed;
                p.VideoPositionSeconds = Math.Max(p.VideoPositionSeconds, entry.VideoPosition);
            }, ct, first);
        }
        foreach (var merger in mergers)
            await merger.MergeAsync(anonymous.Id, userId, ct);
        await certificates.IssueEarnedAsync(userId, ct);
    }

    /// <summary>The "Của tôi" page: where to continue, what is in progress and done, paths and certificates.</summary>
    public async Task<MyLearningView> MyLearningAsync(Learner learner, CancellationToken ct)
    {
        var rows = await RowsAsync(learner, ct);
        var cards = await catalog.CardsAsync(rows.Select(r => r.LessonId), ct);
        var visible = rows.Where(r => cards.ContainsKey(r.LessonId)).OrderByDescending(r => r.LastOpenedAt).ToList();
        var inProgress = visible.Where(r => r.CompletedAt is null)
            .Select(r => new LessonProgressCard(cards[r.LessonId], r.LastOpenedAt, null, r.VideoPositionSeconds)).ToList();
        var completed = visible.Where(r => r.CompletedAt is not null).OrderByDescending(r => r.CompletedAt)
            .Select(r => new LessonProgressCard(cards[r.LessonId], r.LastOpenedAt, r.CompletedAt, r.VideoPositionSeconds)).ToList();
        var paths = await PathsAsync(rows, ct);
        var continueWith = inProgress.FirstOrDefault()?.Lesson
            ?? paths.Where(p => p.Completed > 0 && p.Next is not null).Select(p => p.Next).FirstOrDefault();
        var earned = learner.UserId is { } userId ? await certificates.ForUserAsync(userId, ct) : [];
        return new MyLearningView(continueWith, inProgress, completed, paths, earned);
    }

    /// <summary>What finishing a lesson changed for her: how far along each path containing it she is, and its certificates.</summary>
    public async Task<CompletionView> CompletionAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        var slugs = await db.PathLessons.AsNoTracking().Where(pl => pl.LessonId == lessonId)
            .Join(db.LearningPaths, pl => pl.PathId, p => p.Id, (_, p) => p.Slug).ToListAsync(ct);
        var paths = (await PathsAsync(await RowsAsync(learner, ct), ct)).Where(p => slugs.Contains(p.Slug)).ToList();
        var finished = paths.Where(p => p.IsFinished).Select(p => p.Slug).ToHashSet();
        IReadOnlyList<CertificateCard> earned = learner.UserId is { } userId && finished.Count > 0
            ? (await certificates.ForUserAsync(userId, ct)).Where(c => finished.Contains(c.PathSlug)).ToList()
            : [];
        return new CompletionView(paths, earned);
    }

    private async Task<List<ProgressRow>> RowsAsync(Learner learner, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
            return await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId)
                .Select(p => new ProgressRow(p.LessonId, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt, p.VideoPositionSeconds))
                .ToListAsync(ct);
        return learner.Anonymous!.Lessons.Select(l => new ProgressRow(l.LessonId, AnonymousProgress.ToDateTime(l.FirstOpened),
            AnonymousProgress.ToDateTime(l.LastOpened), l.IsCompleted ? AnonymousProgress.ToDateTime(l.Completed) : null,
            l.VideoPosition)).ToList();
    }

    /// <summary>Every learning path with her progress in it: started paths first, then in the library's order.</summary>
    private async Task<List<PathProgressView>> PathsAsync(List<ProgressRow> rows, CancellationToken ct)
    {
        var done = rows.Where(r => r.CompletedAt is not null).Select(r => r.LessonId).ToHashSet();
        var opened = rows.Select(r => r.LessonId).ToHashSet();
        var paths = await db.LearningPaths.AsNoTracking().OrderBy(p => p.Order)
            .Select(p => new
            {
                p.Slug,
                p.Title,
                Lessons = p.Lessons.Where(pl => pl.Lesson.Status == LessonStatus.Published).OrderBy(pl => pl.Position)
                    .Select(pl => pl.LessonId).ToList(),
            })
            .ToListAsync(ct);
        var cards = await catalog.CardsAsync(paths.SelectMany(p => p.Lessons), ct);
        return paths
            .Select(p => (Started: p.Lessons.Any(opened.Contains), View: new PathProgressView(p.Slug, p.Title,
                p.Lessons.Count(done.Contains), p.Lessons.Count,
                p.Lessons.Where(id => !done.Contains(id)).Select(id => cards.GetValueOrDefault(id)).FirstOrDefault())))
            .OrderByDescending(x => x.Started)
            .Select(x => x.View)
            .ToList();
    }

    /// <summary>One change to her progress in a lesson: to her row when signed in, to her cookie otherwise.</summary>
    private async Task ChangeAsync(Learner learner, int lessonId, Action<LessonProgress, DateTime> account,
        Action<AnonymousProgress, DateTimeOffset> anonymous, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
        {
            await UpsertAsync(userId, lessonId, account, ct);
            return;
        }
        anonymous(learner.Anonymous!, clock.GetUtcNow());
        learner.KeepCookie();
    }

    /// <summary>
    /// Inserts or updates her row for a lesson. Two requests can race to insert the same row (a page open and
    /// a video beacon); the unique index turns the loser into an update instead of a duplicate.
    /// </summary>
    private async Task UpsertAsync(string userId, int lessonId, Action<LessonProgress, DateTime> change, CancellationToken ct,
        DateTime? firstOpened = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Set<LessonProgress>().FirstOrDefaultAsync(p => p.UserId == userId && p.LessonId == lessonId, ct);
            if (row is null)
            {
                row = new LessonProgress { UserId = userId, LessonId = lessonId, FirstOpenedAt = firstOpened ?? now, LastOpenedAt = firstOpened ?? now };
                db.Add(row);
            }
            change(row, now);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
