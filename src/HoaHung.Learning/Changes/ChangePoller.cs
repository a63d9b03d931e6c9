using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Changes;

/// <summary>
/// How a channel is kept in step when the feed is not shared (no Redis, or Redis unreachable): every
/// <see cref="Every"/> the <see cref="Counter"/> (a one-row change counter in the shared database) is read and, when it
/// moved, the channel hears "anything may have changed"; a channel without a counter hears that on every tick (its
/// listeners re-check what they show themselves, as the live class grid does).
/// </summary>
public sealed record ChangeFallback(ChangeChannel Channel, TimeSpan Every, Func<LearningDbContext, CancellationToken, Task<long>>? Counter = null);

/// <summary>
/// The fallback pollers, in one place: one loop per <see cref="ChangeFallback"/>, each resting while the feed is shared
/// (<see cref="ChangeFeed.IsShared"/>). A counter's last value is kept while resting, so the first poll after Redis
/// is lost sees whatever moved meanwhile.
/// </summary>
internal sealed class ChangePoller(ChangeFeed feed, IEnumerable<ChangeFallback> fallbacks, IDbContextFactory<LearningDbContext> contexts,
    TimeProvider clock, ILogger<ChangePoller> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(fallbacks.Select(f => Task.Run(() => PollAsync(f, stoppingToken), stoppingToken)));

    private async Task PollAsync(ChangeFallback fallback, CancellationToken ct)
    {
        long? seen = fallback.Counter is null ? null : await ReadAsync(fallback, ct);
        using var timer = new PeriodicTimer(fallback.Every, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (feed.IsShared)
                    continue;
                if (fallback.Counter is null)
                {
                    await feed.DeliverAsync(fallback.Channel, null, ct);
                    continue;
                }
                if (await ReadAsync(fallback, ct) is not { } now || now == seen)
                    continue;
                var first = seen is null;
                seen = now;
                if (!first)
                {
                    log.LogInformation("{Channel} changed in another process (its counter moved): listeners forget everything", fallback.Channel.Name);
                    await feed.DeliverAsync(fallback.Channel, null, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<long?> ReadAsync(ChangeFallback fallback, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await fallback.Counter!(db, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the change counter of {Channel}; trying again in {Seconds} s", fallback.Channel.Name, fallback.Every.TotalSeconds);
            return null;
        }
    }
}

public static class ChangesModule
{
    /// <summary>The change feed (in-process until the web host adds its Redis relay) and its fallback pollers. Idempotent.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChangeRelay, LocalOnlyRelay>();
        services.TryAddSingleton<ChangeFeed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChangePoller>());
        return services;
    }
}
