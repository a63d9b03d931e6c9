using System.Collections.Immutable;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Progress;

/// <summary>
/// The one signal that a signed-in learner's own stored learning changed (progress, certificates, quiz results, the
/// classes she is in), after the write: every <see cref="PerLearner{T}"/> of this process forgets what it holds for
/// her at once, and the other instances are told through <see cref="IProgressBroadcast"/> (Redis, when configured).
/// Without Redis what another instance holds lives at most <see cref="PerLearner{T}.MaxAge"/>.
/// </summary>
public sealed class LearnerChanges(IProgressBroadcast broadcast)
{
    private ImmutableArray<Action<string>> listeners = [];

    internal void Subscribe(Action<string> forget) => ImmutableInterlocked.Update(ref listeners, l => l.Add(forget));

    public Task ChangedAsync(string userId, CancellationToken ct) => ChangedAsync([userId], ct);

    public async Task ChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        foreach (var userId in userIds)
            Forget(userId);
        if (userIds.Count > 0)
            await broadcast.ProgressChangedAsync(userIds, ct);
    }

    /// <summary>Forgets what this process holds for her (a change here, or one announced by another instance).</summary>
    public void Forget(string userId)
    {
        foreach (var forget in listeners)
            forget(userId);
    }
}

/// <summary>
/// A value per signed-in learner (what her own pages read on every view), held in this process and forgotten whenever
/// <see cref="LearnerChanges"/> says her learning changed; at most <paramref name="capacity"/> learners and
/// <see cref="MaxAge"/> each.
/// </summary>
public sealed class PerLearner<T> : IDisposable where T : class
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly MemoryCache cache;
    private long forgotten;

    public PerLearner(LearnerChanges changes, int capacity)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        changes.Subscribe(Forget);
    }

    public async ValueTask<T> GetAsync(string userId, Func<CancellationToken, Task<T>> load, CancellationToken ct)
    {
        if (cache.TryGetValue(userId, out T? held))
            return held!;
        var before = Volatile.Read(ref forgotten);
        var value = await load(ct);
        // A change while loading may have made it stale: keep it only if nothing was forgotten meanwhile.
        if (Volatile.Read(ref forgotten) == before)
            cache.Set(userId, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return value;
    }

    private void Forget(string userId)
    {
        Interlocked.Increment(ref forgotten);
        cache.Remove(userId);
    }

    public void Dispose() => cache.Dispose();
}

/// <summary>
/// Tells the other instances that learners' stored learning changed; the web host sends it over Redis when
/// <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public interface IProgressBroadcast
{
    Task ProgressChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct);
}

internal sealed class NoProgressBroadcast : IProgressBroadcast
{
    public Task ProgressChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct) => Task.CompletedTask;
}
