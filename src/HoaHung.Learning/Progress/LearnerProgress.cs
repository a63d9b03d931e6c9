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
public sealed class LearnerProgress(LearningDbContext db, LessonCatalog catalog, ProgressBuffer buffer, TimeProvider clock,
    Certificates certificates, LearnerSnapshots snapshots, LearnerChanges changes, IEnumerable<IAnonymousWorkMerger> mergers)
{
    /// <summary>
    /// Lessons of each list "Của tôi" shows, and on each page of a whole list: the page costs the same for every learner,
    /// however long her history (docs/capacity.md, "What breaks first" 1).
    /// </summary>
    public const int ListSize = 20;

    /// <summary>Share of a video that counts as having watched it.</summary>
    public const double WatchedShare = 0.9;

    public static bool IsWatched(int seconds, int duration) => duration > 0 && seconds >= duration * WatchedShare;

    /// <summary>Her progress in one lesson; null when she has none.</summary>
    public async Task<LessonState?> StateAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
        {
            var state = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.LessonId == lessonId)
                .Select(p => new LessonState(p.CompletedAt != null, p.VideoPositionSeconds)).FirstOrDefaultAsync(ct);
            return buffer.PendingVideoPosition(userId, lessonId) is { } position
                ? (state ?? new LessonState(false, 0)) with { VideoPositionSeconds = position }
                : state;
        }
        return learner.Anonymous!.Find(lessonId) is { } entry ? new LessonState(entry.IsCompleted, entry.VideoPosition) : null;
    }

    /// <summary>Records a visit: held in <see cref="ProgressBuffer"/> for a signed-in learner (no write per page view), in her cookie otherwise.</summary>
    public Task RecordOpenAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
        {
            buffer.Opened(userId, lessonId, clock.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }
        learner.Anonymous!.Opened(lessonId, clock.GetUtcNow());
        learner.KeepCookie();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Marks the lesson completed, as of now (saying so again later moves the time: a lesson marked done too soon
    /// for a certificate counts once she says so after reading, <see cref="CertificateRule"/>), and issues the
    /// certificates this earns.
    /// </summary>
    public async Task CompleteAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        await ChangeAsync(learner, lessonId, (p, now) =>
        {
            p.LastOpenedAt = now;
            p.CompletedAt = now;
            p.VideoPositionSeconds = buffer.PendingVideoPosition(p.UserId, lessonId) ?? p.VideoPositionSeconds;
            KeepFirstOpened(p);
        }, (a, now) => a.Completed(lessonId, now), ct);
        if (learner.UserId is { } userId)
        {
            buffer.Forget(userId, lessonId);
            try { await certificates.IssueEarnedAsync(userId, ct); }
            finally { await changes.ChangedAsync(userId, ct); }
        }
    }

    /// <summary>
    /// Saves where she stopped in the video; having watched <see cref="WatchedShare"/> of it completes the lesson —
    /// except a quiz lesson, which only passing its quiz completes. True when the lesson is now completed.
    /// </summary>
    public async Task<bool> SaveVideoPositionAsync(Learner learner, LessonCard lesson, int seconds, int duration, CancellationToken ct)
    {
        var lessonId = lesson.Id;
        var watched = lesson.Type != LessonType.Quiz && IsWatched(seconds, duration);
        if (!watched && learner.UserId is { } watching)
        {
            buffer.VideoAt(watching, lessonId, seconds, clock.GetUtcNow().UtcDateTime); // a position every few seconds: no write each time
            return false;
        }
        await ChangeAsync(learner, lessonId, (p, now) =>
        {
            p.LastOpenedAt = now;
            p.VideoPositionSeconds = seconds;
            KeepFirstOpened(p);
            if (watched)
            {
                p.CompletedAt ??= now;
                p.VideoWatchedAt ??= now;
            }
        }, (a, now) =>
        {
            a.VideoAt(lessonId, seconds, now);
            if (watched) a.Watched(lessonId, now);
        }, ct);
        if (watched && learner.UserId is { } userId)
        {
            buffer.Forget(userId, lessonId);
            try { await certificates.IssueEarnedAsync(userId, ct); }
            finally { await changes.ChangedAsync(userId, ct); }
        }
        return watched;
    }

    /// <summary>
    /// Adds an anonymous reader's progress to her account. Idempotent (earliest first-open, latest last-open,
    /// latest completion, furthest video position, earliest watching), so replaying the same cookie never doubles anything.
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
            DateTime? watched = entry.VideoWatched ? completed ?? last : null;
            await UpsertAsync(userId, entry.LessonId, (p, _) =>
            {
                if (p.FirstOpenedAt > first) p.FirstOpenedAt = first;
                if (p.LastOpenedAt < last) p.LastOpenedAt = last;
                if (completed is not null && (p.CompletedAt is null || p.CompletedAt < completed)) p.CompletedAt = completed;
                if (watched is not null && (p.VideoWatchedAt is null || p.VideoWatchedAt > watched)) p.VideoWatchedAt = watched;
                p.VideoPositionSeconds = Math.Max(p.VideoPositionSeconds, entry.VideoPosition);
            }, ct, first);
        }
        foreach (var merger in mergers)
            await merger.MergeAsync(anonymous.Id, userId, ct);
        try { await certificates.IssueEarnedAsync(userId, ct); }
        finally { await changes.ChangedAsync(userId, ct); }
    }

    /// <summary>
    /// A kiosk visit carried onto a phone whose reader has no account: the visit's lessons join her own progress by the
    /// rules of <see cref="MergeAsync"/> (lessons no longer published are dropped), and its server-side work (quiz
    /// attempts) moves to her anonymous id. Idempotent.
    /// </summary>
    public async Task MergeIntoVisitorAsync(Learner visitor, AnonymousProgress visit, CancellationToken ct)
    {
        var target = visitor.Anonymous ?? throw new ArgumentException("Not an anonymous reader", nameof(visitor));
        var ids = visit.Lessons.Select(l => l.LessonId).ToList();
        var existing = await db.Lessons.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        target.MergeFrom(new AnonymousProgress(visit.Id, visit.Lessons.Where(l => existing.Contains(l.LessonId))));
        if (visit.Id != target.Id)
            foreach (var merger in mergers)
                await merger.MergeIntoVisitorAsync(visit.Id, target.Id, ct);
        visitor.KeepCookie();
    }

    /// <summary>Forgets the server-side work of an anonymous reader (a kiosk visitor who left): her quiz attempts.</summary>
    public async Task ForgetVisitorAsync(Guid anonymousId, CancellationToken ct)
    {
        foreach (var merger in mergers)
            await merger.ForgetVisitorAsync(anonymousId, ct);
    }

    /// <summary>The "Của tôi" page: where to continue, the newest of what is in progress and done, paths and certificates.</summary>
    public async Task<MyLearningView> MyLearningAsync(Learner learner, CancellationToken ct)
    {
        var rows = await RowsAsync(learner, ct);
        var index = await catalog.IndexAsync(ct);
        var cards = index.ById;
        var inProgress = MyLessons.Newest(rows, cards, MyList.InProgress, 0, ListSize);
        var completed = MyLessons.Newest(rows, cards, MyList.Completed, 0, ListSize);
        var paths = PathsOf(index, rows);
        var continueWith = inProgress.FirstOrDefault()?.Lesson
            ?? paths.Where(p => p.Completed > 0 && p.Next is not null).Select(p => p.Next).FirstOrDefault();
        var earned = learner.UserId is { } userId ? (await snapshots.OfAsync(userId, ct)).Certificates : [];
        return new MyLearningView(continueWith, inProgress, MyLessons.Count(rows, cards, MyList.InProgress),
            completed, MyLessons.Count(rows, cards, MyList.Completed), paths, earned);
    }

    /// <summary>
    /// One page (from 1) of one of her lists, <see cref="ListSize"/> a page, newest first. A page past the end is the
    /// last one; never throws for any page number.
    /// </summary>
    public async Task<MyListPage> MyListAsync(Learner learner, MyList list, int page, CancellationToken ct)
    {
        var rows = await RowsAsync(learner, ct);
        var cards = (await catalog.IndexAsync(ct)).ById;
        var total = MyLessons.Count(rows, cards, list);
        var pages = Math.Max(1, (total + ListSize - 1) / ListSize);
        var shown = Math.Clamp(page, 1, pages);
        return new MyListPage(list, MyLessons.Newest(rows, cards, list, (shown - 1) * ListSize, ListSize), total, shown, pages);
    }

    /// <summary>What finishing a lesson changed for her: how far along each path containing it she is, and its certificates.</summary>
    public async Task<CompletionView> CompletionAsync(Learner learner, int lessonId, CancellationToken ct)
    {
        var index = await catalog.IndexAsync(ct);
        var containing = index.Paths.Where(p => p.LessonIds.Contains(lessonId)).Select(p => p.Slug).ToHashSet();
        var paths = containing.Count == 0 ? []
            : PathsOf(index, await RowsAsync(learner, ct)).Where(p => containing.Contains(p.Slug)).ToList();
        var finished = paths.Where(p => p.IsFinished).Select(p => p.Slug).ToHashSet();
        IReadOnlyList<CertificateCard> earned = learner.UserId is { } userId && finished.Count > 0
            ? (await snapshots.OfAsync(userId, ct)).Certificates.Where(c => finished.Contains(c.PathSlug)).ToList()
            : [];
        return new CompletionView(paths, earned);
    }

    private async Task<List<ProgressRow>> RowsAsync(Learner learner, CancellationToken ct)
    {
        if (learner.UserId is { } userId)
            return buffer.Overlay(userId, [.. (await snapshots.OfAsync(userId, ct)).Rows]); // a copy: the overlay changes it
        return learner.Anonymous!.Lessons.Select(l => new ProgressRow(l.LessonId, AnonymousProgress.ToDateTime(l.FirstOpened),
            AnonymousProgress.ToDateTime(l.LastOpened), l.IsCompleted ? AnonymousProgress.ToDateTime(l.Completed) : null,
            l.VideoPosition)).ToList();
    }

    /// <summary>Every learning path with her progress in it: started paths first, then in the library's order.</summary>
    private static List<PathProgressView> PathsOf(LibraryIndex index, List<ProgressRow> rows)
    {
        var done = rows.Where(r => r.CompletedAt is not null).Select(r => r.LessonId).ToHashSet();
        var opened = rows.Select(r => r.LessonId).ToHashSet();
        return index.Paths
            .Select(p => (Started: p.LessonIds.Any(opened.Contains), View: new PathProgressView(p.Slug, p.Title,
                p.LessonIds.Count(done.Contains), p.LessonIds.Count,
                p.LessonIds.Where(id => !done.Contains(id)).Select(id => index.ById.GetValueOrDefault(id)).FirstOrDefault())))
            .OrderByDescending(x => x.Started)
            .Select(x => x.View)
            .ToList();
    }

    /// <summary>
    /// A visit still held in <see cref="ProgressBuffer"/> keeps its first-open time when a completion writes the row (and
    /// the buffer forgets the visit): the certificate rule measures reading time from it (<see cref="CertificateRule"/>).
    /// </summary>
    private void KeepFirstOpened(LessonProgress row)
    {
        if (buffer.PendingFirstOpened(row.UserId, row.LessonId) is { } first && first < row.FirstOpenedAt)
            row.FirstOpenedAt = first;
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
