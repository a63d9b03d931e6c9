using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Changes;

/// <summary>
/// A feature's channel on the change feed (docs/architecture.md §7, "One change feed"): what changed is said in the
/// feature's own words (user ids, a class id, a session), and a message of <c>null</c> means "anything on this channel
/// may have changed" — what a listener hears after an outage or a poll that only knows a counter moved.
/// </summary>
public sealed record ChangeChannel(string Name);

/// <summary>A listener on a channel: the message, or null for "forget everything you hold for this channel".</summary>
public delegate ValueTask ChangeListener(string? message, CancellationToken ct);

/// <summary>
/// Carries the feed's messages to the other instances (the web host's Redis link) and back through
/// <see cref="ChangeFeed.DeliverAsync"/>. <see cref="IsLive"/> is false without one, and while it is cut off: then
/// the fallback pollers (<see cref="ChangeFallback"/>) run instead.
/// </summary>
public interface IChangeRelay
{
    bool IsLive { get; }

    /// <summary>Hands the message over and returns at once: never waits on the network (a publisher is a request).</summary>
    void Send(ChangeChannel channel, string? message);

    /// <summary>Starts hearing the channel from other instances (idempotent).</summary>
    void Listen(ChangeChannel channel);

    /// <summary>Waits (bounded) for messages handed over but not yet written: a command line ends right after its change.</summary>
    Task FlushAsync(TimeSpan timeout);
}

internal sealed class LocalOnlyRelay : IChangeRelay
{
    public bool IsLive => false;
    public void Send(ChangeChannel channel, string? message) { }
    public void Listen(ChangeChannel channel) { }
    public Task FlushAsync(TimeSpan timeout) => Task.CompletedTask;
}

/// <summary>
/// The one way a feature says "X changed" and hears it, in this process and on every instance: a publisher calls
/// <see cref="PublishAsync"/> after its write (this process's listeners run before it returns, the other instances are
/// told through the <see cref="IChangeRelay"/> without waiting), a cache or a view subscribes on the feature's
/// <see cref="ChangeChannel"/> and forgets what the message names. Listeners registered as <see cref="ChangeSubscription"/>
/// hear from the start; views (a class's live grid) subscribe for as long as they are open.
/// </summary>
public sealed class ChangeFeed
{
    private readonly IChangeRelay relay;
    private readonly ILogger<ChangeFeed> log;
    private readonly ConcurrentDictionary<string, ImmutableArray<ChangeListener>> listeners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChangeChannel> channels = new(StringComparer.Ordinal);

    public ChangeFeed(IChangeRelay relay, IEnumerable<ChangeSubscription> subscriptions, ILogger<ChangeFeed> log)
    {
        this.relay = relay;
        this.log = log;
        foreach (var s in subscriptions)
            Subscribe(s.Channel, s.Listener);
    }

    /// <summary>True while other instances hear this one at once (Redis connected): the fallback pollers rest.</summary>
    public bool IsShared => relay.IsLive;

    /// <summary>Every channel anyone listens to here.</summary>
    public IReadOnlyCollection<ChangeChannel> Channels => channels.Values.ToList();

    public IDisposable Subscribe(ChangeChannel channel, ChangeListener listener)
    {
        channels.TryAdd(channel.Name, channel);
        listeners.AddOrUpdate(channel.Name, _ => [listener], (_, l) => l.Add(listener));
        relay.Listen(channel);
        return new Subscription(() => listeners.AddOrUpdate(channel.Name, _ => [], (_, l) => l.Remove(listener)));
    }

    /// <summary>After a write: this process's listeners hear it before this returns; the other instances soon after.</summary>
    public async ValueTask PublishAsync(ChangeChannel channel, string? message, CancellationToken ct)
    {
        await DeliverAsync(channel, message, ct);
        try
        {
            relay.Send(channel, message);
        }
        catch (Exception e)
        {
            // The write is done; the others catch up through the fallback or on reconnecting.
            log.LogWarning(e, "Could not hand the change on {Channel} to the other instances", channel.Name);
        }
    }

    /// <summary>A change heard from elsewhere (another instance, a poll): this process's listeners only.</summary>
    public async ValueTask DeliverAsync(ChangeChannel channel, string? message, CancellationToken ct)
    {
        if (!listeners.TryGetValue(channel.Name, out var those))
            return;
        foreach (var listener in those)
        {
            // A broken listener must not fail the writer's request, nor keep the others from hearing.
            try
            {
                await listener(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "A listener on {Channel} failed", channel.Name);
            }
        }
    }

    /// <summary>Messages may have been missed (the relay was cut off): every listener forgets everything.</summary>
    public async Task MissedAllAsync(CancellationToken ct)
    {
        foreach (var channel in Channels)
            await DeliverAsync(channel, null, ct);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                dispose();
        }
    }
}

/// <summary>A listener that hears its channel for the life of the process (a cache), registered in DI.</summary>
public sealed record ChangeSubscription(ChangeChannel Channel, ChangeListener Listener);
