using System.ComponentModel.DataAnnotations;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>Configuration section <c>App:CatalogSync</c>.</summary>
public sealed class CatalogSyncOptions
{
    public const string Section = "App:CatalogSync";

    /// <summary>
    /// How often each instance compares the catalog version in the database (a one-row read): the longest a change
    /// made by another process can take to reach this instance's cached pages when Redis is not configured.
    /// </summary>
    [Range(0.2, 60)]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>
/// Keeps this instance's caches of published content in step with the library, whoever changed it
/// (docs/architecture.md §7): a change made here is announced by <see cref="CatalogChanges"/> to the local caches at
/// once; a change made by another process is seen within <see cref="CatalogSyncOptions.PollSeconds"/> through
/// <see cref="CatalogVersion"/>, and at once through Redis pub/sub when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
internal sealed class CatalogWatcher(
    IDbContextFactory<LearningDbContext> contexts,
    IEnumerable<ICatalogChanged> caches,
    IOptions<CatalogSyncOptions> options,
    ILogger<CatalogWatcher> log,
    RedisConnection? redis = null) : BackgroundService
{
    private long seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        seen = await ReadAsync(stoppingToken) ?? 0;
        if (redis is not null)
            await redis.SubscribeAsync(() => DropCachesAsync("redis", stoppingToken));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (await ReadAsync(stoppingToken) is not { } version || version == Interlocked.Exchange(ref seen, version))
                continue;
            await DropCachesAsync("database", stoppingToken);
        }
    }

    private async Task<long?> ReadAsync(CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            return await CatalogVersion.ReadAsync(db, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the catalog version; trying again in {Seconds} s", options.Value.PollSeconds);
            return null;
        }
    }

    private async Task DropCachesAsync(string source, CancellationToken ct)
    {
        log.LogInformation("The library changed in another process ({Source}): dropping cached pages", source);
        foreach (var cache in caches)
            await cache.CatalogChangedAsync(ct);
    }
}

/// <summary>The one Redis connection of an instance, made only when <c>ConnectionStrings:Redis</c> is set.</summary>
internal sealed class RedisConnection(IConnectionMultiplexer redis) : ICatalogBroadcast
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("hoahung:catalog-changed");

    public IConnectionMultiplexer Multiplexer => redis;

    public async Task BroadcastAsync(CancellationToken ct) => await redis.GetSubscriber().PublishAsync(Channel, "1");

    public Task SubscribeAsync(Func<Task> changed) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => _ = changed());
}

public static class CatalogSync
{
    /// <summary>The watcher of the catalog version, and with <c>ConnectionStrings:Redis</c> the pub/sub link between instances.</summary>
    public static IServiceCollection AddCatalogSync(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CatalogSyncOptions>().Bind(config.GetSection(CatalogSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (config.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<RedisConnection>();
            services.AddSingleton<ICatalogBroadcast>(sp => sp.GetRequiredService<RedisConnection>());
        }
        services.AddHostedService<CatalogWatcher>();
        return services;
    }
}
