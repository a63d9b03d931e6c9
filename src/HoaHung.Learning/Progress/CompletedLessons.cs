using System.Collections.Frozen;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Progress;

/// <summary>
/// Which lessons each signed-in learner has completed, held in this process so her lesson pages need no query
/// (docs/architecture.md §7). Loaded with one query the first time it is asked for; forgotten here the moment her
/// completions change here (<see cref="LearnerProgress"/> calls <see cref="ChangedAsync"/> after the write), and on the
/// other instances at once through <see cref="IProgressBroadcast"/> (Redis, when configured). Without Redis an entry
/// lives at most <see cref="MaxAge"/>: the longest another instance can show her a stale "already done" line.
/// </summary>
public sealed class CompletedLessons(IDbContextFactory<LearningDbContext> contexts, IProgressBroadcast broadcast) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Learners held at most (a few hundred bytes each).</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private long changes;

    public async ValueTask<bool> HasCompletedAsync(string userId, int lessonId, CancellationToken ct) =>
        (await OfAsync(userId, ct)).Contains(lessonId);

    public async ValueTask<FrozenSet<int>> OfAsync(string userId, CancellationToken ct)
    {
        if (cache.TryGetValue(userId, out FrozenSet<int>? held))
            return held!;
        var before = Volatile.Read(ref changes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId && p.CompletedAt != null)
            .Select(p => p.LessonId).ToListAsync(ct);
        var set = ids.ToFrozenSet();
        // A change while loading may have made the set stale: keep it only if nothing was forgotten meanwhile.
        if (Volatile.Read(ref changes) == before)
            cache.Set(userId, set, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return set;
    }

    /// <summary>Her completions were written: forget them here, and on the other instances.</summary>
    public async Task ChangedAsync(string userId, CancellationToken ct)
    {
        Forget(userId);
        await broadcast.ProgressChangedAsync(userId, ct);
    }

    /// <summary>Forgets what is held for her (a change here, or one announced by another instance).</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref changes);
        cache.Remove(userId);
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>
/// Tells the other instances that a learner's completions changed; the web host sends it over Redis when
/// <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public interface IProgressBroadcast
{
    Task ProgressChangedAsync(string userId, CancellationToken ct);
}

internal sealed class NoProgressBroadcast : IProgressBroadcast
{
    public Task ProgressChangedAsync(string userId, CancellationToken ct) => Task.CompletedTask;
}
