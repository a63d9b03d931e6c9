using HoaHung.Learning.Changes;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoaHung.Learning.Tests.Changes;

/// <summary>The one change feed: listeners here hear a change before the writer goes on, the others through the relay.</summary>
public sealed class ChangeFeedTests
{
    private static readonly ChangeChannel Lessons = new("lessons-test");
    private static readonly ChangeChannel Classes = new("classes-test");
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed class Relay(bool live = true) : IChangeRelay
    {
        public List<(string Channel, string? Message)> Sent { get; } = [];
        public HashSet<string> Listening { get; } = [];
        public bool IsLive => live;
        public void Send(ChangeChannel channel, string? message) => Sent.Add((channel.Name, message));
        public void Listen(ChangeChannel channel) => Listening.Add(channel.Name);
        public Task FlushAsync(TimeSpan timeout) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_publication_reaches_this_process_before_it_returns_and_is_handed_to_the_relay()
    {
        var relay = new Relay();
        var heard = new List<string?>();
        var feed = new ChangeFeed(relay, [new ChangeSubscription(Lessons, async (m, _) => { await Task.Yield(); heard.Add(m); })],
            NullLogger<ChangeFeed>.Instance);

        await feed.PublishAsync(Lessons, "12", None);

        Assert.Equal(["12"], heard);
        Assert.Equal([(Lessons.Name, (string?)"12")], relay.Sent);
        Assert.Contains(Lessons.Name, relay.Listening); // the relay hears the channel from the other instances
        Assert.True(feed.IsShared);
    }

    [Fact]
    public async Task A_message_from_elsewhere_reaches_only_this_process_and_only_its_channel()
    {
        var relay = new Relay();
        var feed = new ChangeFeed(relay, [], NullLogger<ChangeFeed>.Instance);
        var lessons = new List<string?>();
        var classes = new List<string?>();
        using var a = feed.Subscribe(Lessons, (m, _) => { lessons.Add(m); return ValueTask.CompletedTask; });
        using var b = feed.Subscribe(Classes, (m, _) => { classes.Add(m); return ValueTask.CompletedTask; });

        await feed.DeliverAsync(Classes, "7", None);

        Assert.Empty(lessons);
        Assert.Equal(["7"], classes);
        Assert.Empty(relay.Sent); // never echoed back out
    }

    [Fact]
    public async Task A_broken_listener_fails_neither_the_writer_nor_the_other_listeners()
    {
        var heard = 0;
        var feed = new ChangeFeed(new Relay(), [], NullLogger<ChangeFeed>.Instance);
        using var broken = feed.Subscribe(Lessons, (_, _) => throw new InvalidOperationException("broken view"));
        using var good = feed.Subscribe(Lessons, (_, _) => { heard++; return ValueTask.CompletedTask; });

        await feed.PublishAsync(Lessons, "1", None);

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task After_missed_messages_every_channel_hears_anything_changed_and_a_closed_view_hears_nothing()
    {
        var feed = new ChangeFeed(new Relay(live: false), [], NullLogger<ChangeFeed>.Instance);
        var heard = new List<(string, string?)>();
        using var lessons = feed.Subscribe(Lessons, (m, _) => { heard.Add((Lessons.Name, m)); return ValueTask.CompletedTask; });
        var classes = feed.Subscribe(Classes, (m, _) => { heard.Add((Classes.Name, m)); return ValueTask.CompletedTask; });

        await feed.MissedAllAsync(None);
        Assert.Equal([(Classes.Name, (string?)null), (Lessons.Name, null)], heard.OrderBy(h => h.Item1, StringComparer.Ordinal));
        Assert.False(feed.IsShared); // so the fallback pollers run

        heard.Clear();
        classes.Dispose();
        await feed.DeliverAsync(Classes, "3", None);
        Assert.Empty(heard);
    }
}
