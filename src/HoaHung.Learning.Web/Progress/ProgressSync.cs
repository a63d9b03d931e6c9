using HoaHung.Learning.Progress;
using StackExchange.Redis;

namespace HoaHung.Learning.Web.Progress;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>: a learner's completions changed on one instance, so every instance forgets
/// what it holds for her in <see cref="CompletedLessons"/> at once (docs/architecture.md §7).
/// </summary>
internal sealed class RedisProgressBroadcast(IConnectionMultiplexer redis) : IProgressBroadcast
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("hoahung:progress-changed");

    public async Task ProgressChangedAsync(string userId, CancellationToken ct) =>
        await redis.GetSubscriber().PublishAsync(Channel, userId);
}

/// <summary>Listens on <see cref="RedisProgressBroadcast.Channel"/> for as long as the site runs.</summary>
internal sealed class RedisProgressListener(IConnectionMultiplexer redis, CompletedLessons held) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(RedisProgressBroadcast.Channel, (_, userId) => held.Forget(userId.ToString()));

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().UnsubscribeAsync(RedisProgressBroadcast.Channel);
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
