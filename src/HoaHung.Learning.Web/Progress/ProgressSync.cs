using HoaHung.Learning.Progress;
using StackExchange.Redis;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>: learners' stored learning changed on one instance, so every instance forgets
/// what it holds for them (<see cref="PerLearner{T}"/>: snapshots, quiz results, classes) at once (docs/architecture.md §7). One message per change
/// (a batch of written visits is one message), user ids one per line.
/// </summary>
internal sealed class RedisProgressBroadcast(IConnectionMultiplexer redis, ILogger<RedisProgressBroadcast> log) : IProgressBroadcast
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("hoahung:progress-changed");

    public async Task ProgressChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, string.Join('\n', userIds));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Her write is done; the other instances forget what they hold within LearnerSnapshots.MaxAge anyway.
            log.LogWarning(e, "Could not tell the other instances that {Count} learners' progress changed", userIds.Count);
        }
    }
}

/// <summary>Listens on <see cref="RedisProgressBroadcast.Channel"/> for as long as the site runs.</summary>
internal sealed class RedisProgressListener(IConnectionMultiplexer redis, LearnerChanges changes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(RedisProgressBroadcast.Channel, (_, message) =>
        {
            foreach (var userId in message.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
                changes.Forget(userId);
        });

    // The subscription ends with the instance's Redis connection (which may already be closing here).
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class ProgressSync
{
    /// <summary>Registered after <c>AddCatalogSync</c>, which makes the instance's one Redis connection.</summary>
    public static IServiceCollection AddProgressSync(this IServiceCollection services, IConfiguration config)
    {
        if (config.GetConnectionString("Redis") is { Length: > 0 })
        {
            services.AddSingleton<IProgressBroadcast, RedisProgressBroadcast>();
            services.AddHostedService<RedisProgressListener>();
        }
        return services;
    }
}
