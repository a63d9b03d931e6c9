using System.Collections.Frozen;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HoaHung.Learning.Progress;

/// <summary>A signed-in learner's stored progress rows and certificates, as read at one moment.</summary>
internal sealed record LearnerSnapshot(IReadOnlyList<ProgressRow> Rows, IReadOnlyList<CertificateCard> Certificates)
{
    public FrozenSet<int> Completed { get; } = Rows.Where(r => r.CompletedAt is not null).Select(r => r.LessonId).ToFrozenSet();
}

/// <summary>
/// What each signed-in learner has stored of her own learning (her progress rows and certificates), held in this
/// process so her lesson pages need no query and "Của tôi" two fewer (docs/architecture.md §7). Loaded in one go the
/// first time it is asked for; forgotten here the moment it changes here — a completion, a watched video, a merge,
/// a certificate, a batch of visits written by <see cref="ProgressFlusher"/>, her data deleted — and on the other
/// instances at once through <see cref="IProgressBroadcast"/> (Redis, when configured). Without Redis an entry lives
/// at most <see cref="MaxAge"/>: the longest another instance can show her an older state. Visits not yet written
/// are laid over it from <see cref="ProgressBuffer"/>, as before.
/// </summary>
public sealed class LearnerSnapshots(IDbContextFactory<LearningDbContext> contexts, IProgressBroadcast broadcast) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Learners held at most (a few KB each).</summary>
    public const int Capacity = 20_000;

    private static readonly PerModel<Func<LearningDbContext, string, IAsyncEnumerable<ProgressRow>>> RowsOf = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId) => db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new ProgressRow(p.LessonId, p.FirstOpenedAt, p.LastOpenedAt, p.CompletedAt, p.VideoPositionSeconds))));

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private long changes;

    public async ValueTask<bool> HasCompletedAsync(string userId, int lessonId, CancellationToken ct) =>
        (await OfAsync(userId, ct)).Completed.Contains(lessonId);

    internal async ValueTask<LearnerSnapshot> OfAsync(string userId, CancellationToken ct)
    {
        if (cache.TryGetValue(userId, out LearnerSnapshot? held))
            return held!;
        var before = Volatile.Read(ref changes);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var snapshot = new LearnerSnapshot(await RowsOf.For(db)(db, userId).ToListAsync(ct), await Certificates.OfUserAsync(db, userId, ct));
        // A change while loading may have made it stale: keep it only if nothing was forgotten meanwhile.
        if (Volatile.Read(ref changes) == before)
            cache.Set(userId, snapshot, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return snapshot;
    }

    /// <summary>Her stored learning changed (called after the write): forget it here, and on the other instances.</summary>
    public Task ChangedAsync(string userId, CancellationToken ct) => ChangedAsync([userId], ct);

    public async Task ChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        foreach (var userId in userIds)
            Forget(userId);
        if (userIds.Count > 0)
            await broadcast.ProgressChangedAsync(userIds, ct);
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
