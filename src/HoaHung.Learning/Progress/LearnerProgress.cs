using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Progress;

/// <summary>
/// Records and reads a signed-in learner's progress. Every method takes the learner's own user id, which
/// callers take from the authenticated principal and never from the request: a learner can only read and
/// change her own rows. Anonymous readers' progress lives in their cookie (<see cref="AnonymousProgress"/>)
/// and joins the account through <see cref="MergeAsync"/>.
/// </summary>
public sealed class LearnerProgress(
    LearningDbContext db, TimeProvider clock, Certificates certificates, IEnumerable<IAnonymousWorkMerger> mergers)
{
    /// <summary>Share of a video that counts as having watched it.</summary>
    public const double WatchedShare = 0.9;

    public Task<LessonRef?> FindLessonAsync(string slug, CancellationToken ct) =>
        db.Lessons.AsNoTracking().Where(l => l.Slug == slug && l.Status == LessonStatus.Published)
            .Select(l => new LessonRef(l.Id, l.Slug, l.Title, l.Type)).FirstOrDefaultAsync(ct);

    public Task<LessonState?> StateAsync(string userId, int lessonId, CancellationToken ct) =>
        db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.LessonId == lessonId)
            .Select(p => new LessonState(p.CompletedAt != null, p.VideoPositionSeconds)).FirstOrDefaultAsync(ct);

    public Task RecordOpenAsync(string userId, int lessonId, CancellationToken ct) =>
        UpsertAsync(userId, lessonId, (p, now) => p.LastOpenedAt = now, ct);

    /// <summary>Marks the lesson completed (idempotent) and issues the certificates this earns.</summary>
    public async Task<CompletionView> CompleteAsync(string userId, LessonRef lesson, CancellationToken ct)
    {
        await UpsertAsync(userId, lesson.Id, (p, now) => { p.LastOpenedAt = now; p.CompletedAt ??= now; }, ct);
        var issued = await certificates.IssueEarnedAsync(userId, ct);
        return new CompletionView(lesson, await PathsContainingAsync(userId, lesson.Id, ct), issued);
    }

    /// <summary>Saves where she stopped in the video; having watched <see cref="WatchedShare"/> of it completes the lesson.</summary>
    public async Task<bool> SaveVideoPositionAsync(string userId, LessonRef lesson, int seconds, int duration, CancellationToken ct)
    {
        var watched = IsWatched(seconds, duration);
        await UpsertAsync(userId, lesson.Id, (p, now) =>
        {
            p.LastOpenedAt = now;
            p.VideoPositionSeconds = seconds;
            if (watched) p.CompletedAt ??= now;
        }, ct);
        if (watched)
            await certificates.IssueEarnedAsync(userId, ct);
        return watched;
    }

    public static bool IsWatched(int seconds, int duration) => duration > 0 && seconds >= duration * WatchedShare;

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

    public async Task<MyLearningView> MyLearningAsync(string userId, CancellationToken ct)
    {
        var rows = await RowsAsync(userId, ct);
        var view = await ViewAsync(rows, ct);
        return view with { Certificates = await certificates.ForUserAsync(userId, ct) };
    }

    /// <summary>The same page for a reader without an account, from her cookie.</summary>
    public Task<MyLearningView> MyLearningAsync(AnonymousProgress anonymous, CancellationToken ct) =>
        ViewAsync(anonymous.Lessons.Select(l => new ProgressRow(l.LessonId, AnonymousProgress.ToDateTime(l.FirstOpened),
            AnonymousProgress.ToDateTime(l.LastOpened), l.IsCompleted ? AnonymousProgress.ToDateTime(l.Completed) : null,
            l.VideoPosition)).ToList(), ct);

    /// <summary>How far along each path containing <paramref name="lessonId"/> an anonymous reader is.</summary>
    public async Task<IReadOnlyList<PathProgressView>> PathsContainingAsync(AnonymousProgress anonymous, int lessonId, CancellationToken ct)
    {
        var view = await MyLearningAsync(anonymous, ct);
        var slugs = await PathSlugsContainingAsync(lessonId, ct);
        return view.Paths.Where(p => slugs.Contains(p.Slug)).ToList();
    }

    /// <summary>How far along each path containing <paramref name="lessonId"/> a signed-in learner is.</summary>
    public async Task<IReadOnlyList<PathProgressView>> PathsContainingAsync(string userId, int lessonId, CancellationToken ct)
    {
        var slugs = await PathSlugsContainingAsync(lessonId, ct);
        return (await PathsAsync(await RowsAsync(userId, ct), ct)).Where(p => slugs.Contains(p.Slug)).ToList();
    }

    private Task<List<string>> PathSlugsContainingAsync(int lessonId, CancellationToken ct) =>
        db.PathLessons.AsNoTracking().Where(pl => pl.LessonId == lessonId)
            .Join(db.LearningPaths, pl => pl.PathId, p => p.Id, (_, p) => p.Slug).ToListAsync(ct);

    private async Task<List<ProgressRow>> RowsAsync(string userId, CancellationToken ct) =>
        await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ProgressRow(p.LessonId, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt, p.VideoPositionSeconds))
            .ToListAsync(ct);

    private async Task<MyLearningView> ViewAsync(List<ProgressRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.LessonId).ToList();
        var cards = await db.Lessons.AsNoTracking().Where(l => ids.Contains(l.Id) && l.Status == LessonStatus.Published)
            .Select(l => new { l.Id, Card = new LessonCard(l.Slug, l.Title, l.Summary, l.Type, l.Level, l.Minutes, l.Topic.Slug, l.Topic.Title) })
            .ToDictionaryAsync(x => x.Id, x => x.Card, ct);
        var visible = rows.Where(r => cards.ContainsKey(r.LessonId)).OrderByDescending(r => r.LastOpenedAt).ToList();
        var inProgress = visible.Where(r => r.CompletedAt is null)
            .Select(r => new LessonProgressCard(cards[r.LessonId], r.LastOpenedAt, null, r.VideoPositionSeconds)).ToList();
        var completed = visible.Where(r => r.CompletedAt is not null).OrderByDescending(r => r.CompletedAt)
            .Select(r => new LessonProgressCard(cards[r.LessonId], r.LastOpenedAt, r.CompletedAt, r.VideoPositionSeconds)).ToList();
        var paths = await PathsAsync(rows, ct);
        var continueWith = inProgress.FirstOrDefault()?.Lesson
            ?? paths.Where(p => p.Completed > 0 && p.Next is not null).Select(p => p.Next).FirstOrDefault();
        return new MyLearningView(continueWith, inProgress, completed, paths, []);
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
                    .Select(pl => new { pl.LessonId, Card = new LessonCard(pl.Lesson.Slug, pl.Lesson.Title, pl.Lesson.Summary,
                        pl.Lesson.Type, pl.Lesson.Level, pl.Lesson.Minutes, pl.Lesson.Topic.Slug, pl.Lesson.Topic.Title) })
                    .ToList(),
            })
            .ToListAsync(ct);
        return paths
            .Select(p => (Started: p.Lessons.Any(l => opened.Contains(l.LessonId)), View: new PathProgressView(p.Slug, p.Title,
                p.Lessons.Count(l => done.Contains(l.LessonId)), p.Lessons.Count,
                p.Lessons.FirstOrDefault(l => !done.Contains(l.LessonId))?.Card)))
            .OrderByDescending(x => x.Started)
            .Select(x => x.View)
            .ToList();
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
