using System.Collections.Concurrent;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Progress;

/// <summary>
/// The visits and video positions of signed-in learners, held in memory and written in one batch every
/// <see cref="ProgressOptions.FlushSeconds"/> instead of one write per page view (bench/README.md: a write per view made a signed-in
/// lesson page 170 times slower than a cached one). Completions never wait here: they are written at once.
/// What this instance holds is also read back (<see cref="Overlay"/>), so a learner sees her own latest visit at once.
/// On a normal stop everything held is written; a crash loses at most the last interval's visits and positions
/// (when she last opened a lesson, where she stopped in a video) — never a completion, a quiz answer or a certificate.
/// </summary>
public sealed class ProgressBuffer
{

    private static readonly ConcurrentDictionary<(string, int), PendingVisit> Nothing = new();
    private ConcurrentDictionary<(string UserId, int LessonId), PendingVisit> pending = new();

    // Taken by the flusher and being written: still read back until the write is done, so no read falls in between.
    private ConcurrentDictionary<(string UserId, int LessonId), PendingVisit> writing = Nothing;

    public void Opened(string userId, int lessonId, DateTime now) =>
        pending.AddOrUpdate((userId, lessonId), _ => new PendingVisit(now, now, null),
            (_, p) => p with { LastOpened = Later(p.LastOpened, now) });

    public void VideoAt(string userId, int lessonId, int seconds, DateTime now) =>
        pending.AddOrUpdate((userId, lessonId), _ => new PendingVisit(now, now, seconds),
            (_, p) => p with { LastOpened = Later(p.LastOpened, now), VideoPosition = seconds });

    /// <summary>Drops what is held for one lesson once a synchronous write has superseded it (a completion).</summary>
    public void Forget(string userId, int lessonId) => pending.TryRemove((userId, lessonId), out _);

    /// <summary>Her rows with what this instance holds for her applied on top (latest visit, latest video position).</summary>
    internal List<ProgressRow> Overlay(string userId, List<ProgressRow> rows)
    {
        foreach (var ((user, lessonId), visit) in Volatile.Read(ref writing).Concat(pending)) // the newer last
        {
            if (user != userId)
                continue;
            var i = rows.FindIndex(r => r.LessonId == lessonId);
            if (i < 0)
                rows.Add(new ProgressRow(lessonId, visit.FirstOpened, visit.LastOpened, null, visit.VideoPosition ?? 0));
            else
                rows[i] = rows[i] with
                {
                    LastOpenedAt = Later(rows[i].LastOpenedAt, visit.LastOpened),
                    VideoPositionSeconds = visit.VideoPosition ?? rows[i].VideoPositionSeconds,
                };
        }
        return rows;
    }

    /// <summary>When she first opened the lesson, if that visit is still held here (a completion soon after opening).</summary>
    internal DateTime? PendingFirstOpened(string userId, int lessonId) =>
        pending.TryGetValue((userId, lessonId), out var visit) || Volatile.Read(ref writing).TryGetValue((userId, lessonId), out visit)
            ? visit.FirstOpened : null;

    internal int? PendingVideoPosition(string userId, int lessonId) =>
        pending.TryGetValue((userId, lessonId), out var visit) && visit.VideoPosition is { } position ? position
        : Volatile.Read(ref writing).TryGetValue((userId, lessonId), out var old) ? old.VideoPosition : null;

    /// <summary>Takes everything held so far for writing (new visits go to a fresh dictionary meanwhile); one writer at a time.</summary>
    internal IReadOnlyCollection<KeyValuePair<(string UserId, int LessonId), PendingVisit>> Drain()
    {
        var taken = Interlocked.Exchange(ref pending, new ConcurrentDictionary<(string, int), PendingVisit>());
        Volatile.Write(ref writing, taken);
        return taken;
    }

    /// <summary>The drained visits are stored: stop reading them back.</summary>
    internal void Written() => Volatile.Write(ref writing, Nothing);

    /// <summary>Puts back what could not be written, without undoing anything newer.</summary>
    internal void Restore(IEnumerable<KeyValuePair<(string UserId, int LessonId), PendingVisit>> visits)
    {
        foreach (var (key, visit) in visits)
            pending.AddOrUpdate(key, visit, (_, newer) => newer with
            {
                FirstOpened = visit.FirstOpened < newer.FirstOpened ? visit.FirstOpened : newer.FirstOpened,
                VideoPosition = newer.VideoPosition ?? visit.VideoPosition,
            });
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}

internal sealed record PendingVisit(DateTime FirstOpened, DateTime LastOpened, int? VideoPosition);

/// <summary>Configuration section <c>App:Progress</c>.</summary>
public sealed class ProgressOptions
{
    public const string Section = "App:Progress";

    /// <summary>How often buffered visits and video positions are written: also the most a crash can lose of them.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.1, 3600)]
    public double FlushSeconds { get; set; } = 1;
}

/// <summary>Writes <see cref="ProgressBuffer"/> every <see cref="ProgressOptions.FlushSeconds"/> in one transaction, and everything held when the site stops.</summary>
internal sealed class ProgressFlusher(ProgressBuffer buffer, LearnerChanges changes, IServiceScopeFactory scopes,
    IOptions<ProgressOptions> options, ILogger<ProgressFlusher> log) : BackgroundService
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await FlushAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken); // a normal stop loses nothing
    }

    internal async Task FlushAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var visits = buffer.Drain();
            if (visits.Count == 0)
                return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await WriteAsync(scope.ServiceProvider.GetRequiredService<LearningDbContext>(), visits, ct);
                // Their snapshots lack what was just written; forgotten before the buffer stops laying the visits over them.
                await changes.ChangedAsync(visits.Select(v => v.Key.UserId).Distinct().ToList(), ct);
                buffer.Written();
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not write {Count} buffered visits; keeping them for the next try", visits.Count);
                buffer.Restore(visits);
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private static async Task WriteAsync(LearningDbContext db, IReadOnlyCollection<KeyValuePair<(string UserId, int LessonId), PendingVisit>> visits,
        CancellationToken ct)
    {
        var users = visits.Select(v => v.Key.UserId).Distinct().ToList();
        var lessons = visits.Select(v => v.Key.LessonId).Distinct().ToList();
        for (var attempt = 0; ; attempt++)
        {
            // A superset of the rows (every user × every lesson in the batch), narrowed in memory: one query.
            var rows = await db.Set<LessonProgress>().Where(p => users.Contains(p.UserId) && lessons.Contains(p.LessonId))
                .ToDictionaryAsync(p => (p.UserId, p.LessonId), ct);
            var known = await db.Lessons.Where(l => lessons.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
            var accounts = await db.Users.Where(u => users.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            foreach (var ((userId, lessonId), visit) in visits)
            {
                if (!known.Contains(lessonId) || !accounts.Contains(userId))
                    continue; // the lesson or the account was deleted meanwhile
                if (!rows.TryGetValue((userId, lessonId), out var row))
                {
                    row = new LessonProgress { UserId = userId, LessonId = lessonId, FirstOpenedAt = visit.FirstOpened, LastOpenedAt = visit.LastOpened };
                    db.Add(row);
                }
                if (visit.LastOpened > row.LastOpenedAt)
                    row.LastOpenedAt = visit.LastOpened;
                if (visit.VideoPosition is { } position)
                    row.VideoPositionSeconds = position;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear(); // another instance inserted one of these rows meanwhile: update it instead
            }
        }
    }
}
