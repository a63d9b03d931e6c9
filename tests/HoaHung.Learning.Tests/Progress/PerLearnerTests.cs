using HoaHung.Learning.Changes;
using HoaHung.Learning.Progress;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoaHung.Learning.Tests.Progress;

/// <summary>What a process holds per learner: kept until her learning changes, never a value older than a change.</summary>
public sealed class PerLearnerTests
{
    /// <summary>What the other instances would be sent.</summary>
    private sealed class Told : IChangeRelay
    {
        public List<string[]> Messages { get; } = [];
        public bool IsLive => true;
        public void Send(ChangeChannel channel, string? message) => Messages.Add(message!.Split('\n'));
        public void Listen(ChangeChannel channel) { }
        public Task FlushAsync(TimeSpan timeout) => Task.CompletedTask;
    }

    private static LearnerChanges Changes(Told told) => new(new ChangeFeed(told, [], NullLogger<ChangeFeed>.Instance));

    /// <summary>What another instance's message does here.</summary>
    private static Task HeardAsync(ChangeFeed feed, string? message) =>
        feed.DeliverAsync(LearnerChanges.Channel, message, None).AsTask();

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_value_is_loaded_once_and_loaded_again_after_her_learning_changed()
    {
        var told = new Told();
        var changes = Changes(told);
        using var held = new PerLearner<string>(changes, 100);
        var loads = 0;
        Task<string> Load(CancellationToken _) => Task.FromResult($"v{++loads}");

        Assert.Equal("v1", await held.GetAsync("lan", Load, None));
        Assert.Equal("v1", await held.GetAsync("lan", Load, None));
        Assert.Equal("v2", await held.GetAsync("hoa", Load, None));

        await changes.ChangedAsync(["lan"], None);

        Assert.Equal("v3", await held.GetAsync("lan", Load, None));
        Assert.Equal("v2", await held.GetAsync("hoa", Load, None)); // hers only
        Assert.Equal(["lan"], Assert.Single(told.Messages));     // and the other instances are told
    }

    [Fact]
    public async Task A_value_loaded_while_her_learning_changed_is_used_once_but_not_kept()
    {
        var feed = new ChangeFeed(new Told(), [], NullLogger<ChangeFeed>.Instance);
        var changes = new LearnerChanges(feed);
        using var held = new PerLearner<string>(changes, 100);
        var gate = new TaskCompletionSource<string>();
        var loading = held.GetAsync("lan", _ => gate.Task, None).AsTask();

        await HeardAsync(feed, "lan"); // her write lands on another instance while the read is under way
        gate.SetResult("read before the write");

        Assert.Equal("read before the write", await loading);
        Assert.Equal("fresh", await held.GetAsync("lan", _ => Task.FromResult("fresh"), None));
    }

    [Fact]
    public async Task Every_cache_of_the_process_hears_the_same_change_and_nothing_is_sent_for_nobody()
    {
        var told = new Told();
        var changes = Changes(told);
        using var a = new PerLearner<string>(changes, 100);
        using var b = new PerLearner<string>(changes, 100);
        await a.GetAsync("lan", _ => Task.FromResult("a1"), None);
        await b.GetAsync("lan", _ => Task.FromResult("b1"), None);

        await changes.ChangedAsync([], None);
        Assert.Empty(told.Messages);
        await changes.ChangedAsync("lan", None);

        Assert.Equal("a2", await a.GetAsync("lan", _ => Task.FromResult("a2"), None));
        Assert.Equal("b2", await b.GetAsync("lan", _ => Task.FromResult("b2"), None));
    }

    [Fact]
    public async Task After_messages_were_missed_every_learner_is_forgotten()
    {
        var feed = new ChangeFeed(new Told(), [], NullLogger<ChangeFeed>.Instance);
        var changes = new LearnerChanges(feed);
        using var held = new PerLearner<string>(changes, 100);
        await held.GetAsync("lan", _ => Task.FromResult("lan1"), None);
        await held.GetAsync("hoa", _ => Task.FromResult("hoa1"), None);

        await feed.MissedAllAsync(None); // Redis came back: what the others said meanwhile is unknown

        Assert.Equal("lan2", await held.GetAsync("lan", _ => Task.FromResult("lan2"), None));
        Assert.Equal("hoa2", await held.GetAsync("hoa", _ => Task.FromResult("hoa2"), None));
    }
}
