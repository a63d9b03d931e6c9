using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Changes;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Web.Accounts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>Configuration section <c>App:CatalogSync</c>.</summary>
public sealed class CatalogSyncOptions
{
    public const string Section = "App:CatalogSync";

    /// <summary>
    /// How often each instance compares the catalog version in the database (a one-row read) while the change feed is
    /// not shared (no Redis, or Redis unreachable): the longest a change made by another process then takes to reach
    /// this instance's cached pages.
    /// </summary>
    [Range(0.2, 60)]
    public double PollSeconds { get; set; } = 2;
}

/// <summary>
/// The instance's one Redis connection (<c>ConnectionStrings:Redis</c>), made once, and the change feed's relay over it:
/// each feature's <see cref="ChangeChannel"/> is the Redis channel <c>hoahung:</c> + its name (docs/architecture.md §7).
/// <para>
/// Built for Redis going away (issue 26): the connection never waits for Redis to come back before failing a command
/// (<see cref="BacklogPolicy.FailFast"/>, 1 s timeouts, a reconnect try every half second), so nothing a request does
/// waits on it while it is down: publishing is handed over and never awaited (and skipped while disconnected; the
/// channel is marked), sign-in counts and a Redis output cache fall back to this instance at once
/// (<see cref="IsConnected"/>), and the fallback pollers run. When the connection is back, every channel this
/// instance could not publish on is told "anything changed" and every listener here forgets everything (what the
/// others published meanwhile was missed), so caches catch up wholesale.
/// </para>
/// </summary>
internal sealed class RedisLink : IChangeRelay, IDisposable
{
    private const string Prefix = "hoahung:";
    private static readonly TimeSpan SettleAfterReconnect = TimeSpan.FromSeconds(1);

    private readonly IServiceProvider services;
    private readonly ILogger<RedisLink> log;
    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<string, ChangeChannel> listening = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChangeChannel> unsent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> pending = new();
    private int subscriptionDown;
    private int reported;

    public RedisLink(string configuration, IServiceProvider services, ILogger<RedisLink> log)
    {
        this.services = services;
        this.log = log;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // an instance starts, and serves, while Redis is away
        options.BacklogPolicy = BacklogPolicy.FailFast; // no command queues waiting for a reconnect
        options.ConnectTimeout = 2000;
        options.AsyncTimeout = 1000;
        options.SyncTimeout = 1000;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        Multiplexer = ConnectionMultiplexer.Connect(options);
        Multiplexer.ConnectionFailed += OnFailed;
        Multiplexer.ConnectionRestored += OnRestored;
    }

    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Commands can be sent now (no request should try while this is false).</summary>
    public bool IsConnected => Multiplexer.IsConnected;

    public bool IsLive => Multiplexer.IsConnected && Volatile.Read(ref subscriptionDown) == 0;

    private ChangeFeed Feed => services.GetRequiredService<ChangeFeed>();

    public void Send(ChangeChannel channel, string? message)
    {
        if (!IsLive)
        {
            unsent[channel.Name] = channel;
            return;
        }
        Task sent;
        try
        {
            sent = Multiplexer.GetSubscriber().PublishAsync(RedisChannel.Literal(Prefix + channel.Name), instance + "|" + message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            unsent[channel.Name] = channel;
            log.LogWarning(e, "Could not publish on {Channel}: the others are told when Redis is back", channel.Name);
            return;
        }
        pending.TryAdd(sent, 0);
        sent.ContinueWith(done =>
        {
            pending.TryRemove(done, out _);
            if (done.IsFaulted)
            {
                unsent[channel.Name] = channel;
                log.LogWarning(done.Exception, "Could not publish on {Channel}: the others are told when Redis is back", channel.Name);
            }
        }, TaskScheduler.Default);
    }

    public void Listen(ChangeChannel channel)
    {
        if (!listening.TryAdd(channel.Name, channel))
            return;
        // Kept by the connection and made again after every reconnect, even if Redis is away right now.
        var subscribed = Multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(Prefix + channel.Name), (_, value) => Heard(channel, value));
        subscribed.ContinueWith(t => log.LogWarning(t.Exception, "Could not subscribe to {Channel} yet; it is made again on reconnecting", channel.Name),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public Task FlushAsync(TimeSpan timeout) => Task.WhenAll(pending.Keys).WaitAsync(timeout).ContinueWith(_ => { }, TaskScheduler.Default);

    private void Heard(ChangeChannel channel, RedisValue value)
    {
        var text = value.ToString();
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || text.AsSpan(0, bar).SequenceEqual(instance))
            return; // its own message: this process's listeners heard it when it was published
        var message = bar == text.Length - 1 ? null : text[(bar + 1)..];
        Run(() => Feed.DeliverAsync(channel, message, CancellationToken.None).AsTask(), "deliver a message on " + channel.Name);
    }

    private void OnFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
            Volatile.Write(ref subscriptionDown, 1);
        if (Interlocked.Exchange(ref reported, 1) == 0)
            log.LogWarning(e.Exception, "Redis unreachable ({Failure}): serving from this instance alone, polling the database for changes", e.FailureType);
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
            Volatile.Write(ref subscriptionDown, 0);
        if (!IsLive)
            return;
        Interlocked.Exchange(ref reported, 0);
        log.LogInformation("Redis is back: catching up (every cache forgets what it holds)");
        Run(CatchUpAsync, "catch up after Redis came back");
    }

    private async Task CatchUpAsync()
    {
        foreach (var name in unsent.Keys.ToList())
            if (unsent.TryRemove(name, out var channel))
                Send(channel, null);
        await Feed.MissedAllAsync(CancellationToken.None);
        // The subscriptions are made again asynchronously: a message published between the event and them is missed.
        await Task.Delay(SettleAfterReconnect);
        await Feed.MissedAllAsync(CancellationToken.None);
    }

    private void Run(Func<Task> work, string what) => Task.Run(work).ContinueWith(t => log.LogWarning(t.Exception, "Could not {What}", what),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    public void Dispose() => Multiplexer.Dispose();
}

public static class ChangeFeedHosting
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c>, the one Redis connection and the feed's relay over it; and, in one place,
    /// the fallback pollers that keep each channel in step while the feed is not shared.
    /// </summary>
    public static IServiceCollection AddChangeFeedHosting(this IServiceCollection services, IConfiguration config)
    {
        services.AddChangeFeed();
        services.AddOptions<CatalogSyncOptions>().Bind(config.GetSection(CatalogSyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (config.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddSingleton(sp => new RedisLink(redis, sp, sp.GetRequiredService<ILogger<RedisLink>>()));
            services.AddSingleton<IChangeRelay>(sp => sp.GetRequiredService<RedisLink>());
        }
        services.AddSingleton(sp => new ChangeFallback(CatalogChanges.Channel,
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<CatalogSyncOptions>>().Value.PollSeconds), CatalogVersion.ReadAsync));
        services.AddSingleton(sp => new ChangeFallback(AccountSessions.Channel,
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<Accounts.SessionOptions>>().Value.PollSeconds), AccountSessions.VersionAsync));
        services.AddSingleton(new ChangeFallback(ClassActivity.Channel, ClassActivity.PollInterval));
        return services;
    }
}
