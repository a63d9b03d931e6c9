using HoaHung.Learning.Changes;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Progress;

/// <summary>
/// The learner's channel of the change feed (<see cref="Channel"/>): a signed-in learner's own stored learning changed
/// (progress, certificates, quiz work, the classes she is in), after the write. Every <see cref="PerLearner{T}"/> of
/// every instance forgets what it holds for her, and open class views re-check (<see cref="Classes.ClassActivity"/>).
/// Messages are user ids, one per line (a batch of written visits is one message). Without a shared feed what another
/// instance holds lives at most <see cref="PerLearner{T}.MaxAge"/>.
/// </summary>
public sealed class LearnerChanges(ChangeFeed feed)
{
    public static readonly ChangeChannel Channel = new("progress-changed");

    /// <summary>Hears her id (null: anyone's learning may have changed) for as long as the subscription is kept.</summary>
    public IDisposable Subscribe(Action<string?> forget) => feed.Subscribe(Channel, (message, _) =>
    {
        if (message is null)
            forget(null);
        else
            foreach (var userId in message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                forget(userId);
        return ValueTask.CompletedTask;
    });

    public Task ChangedAsync(string userId, CancellationToken ct) => ChangedAsync([userId], ct);

    public async Task ChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count > 0)
            await feed.PublishAsync(Channel, string.Join('\n', userIds), ct);
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
    private readonly IDisposable subscription;
    private long forgotten;

    public PerLearner(LearnerChanges changes, int capacity)
    {
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        subscription = changes.Subscribe(Forget);
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

    private void Forget(string? userId)
    {
        Interlocked.Increment(ref forgotten);
        if (userId is null)
            cache.Clear();
        else
            cache.Remove(userId);
    }

    public void Dispose()
    {
        subscription.Dispose();
        cache.Dispose();
    }
}
