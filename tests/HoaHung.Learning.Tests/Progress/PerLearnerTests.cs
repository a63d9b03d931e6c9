using HoaHung.Learning.Progress;

namespace HoaHung.Learning.Tests.Progress;

/// <summary>What a process holds per learner: kept until her learning changes, never a value older than a change.</summary>
public sealed class PerLearnerTests
{
    private sealed class Told : IProgressBroadcast
    {
        public List<string[]> Messages { get; } = [];

        public Task ProgressChangedAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
        {
            Messages.Add([.. userIds]);
            return Task.CompletedTask;
        }
    }

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_value_is_loaded_once_and_loaded_again_after_her_learning_changed()
    {
        var told = new Told();
        var changes = new LearnerChanges(told);
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
        var changes = new LearnerChanges(new Told());
        using var held = new PerLearner<string>(changes, 100);
        var gate = new TaskCompletionSource<string>();
        var loading = held.GetAsync("lan", _ => gate.Task, None).AsTask();

        changes.Forget("lan"); // her write lands while the read is under way (what another instance says, too)
        gate.SetResult("read before the write");

        Assert.Equal("read before the write", await loading);
        Assert.Equal("fresh", await held.GetAsync("lan", _ => Task.FromResult("fresh"), None));
    }

    [Fact]
    public async Task Every_cache_of_the_process_hears_the_same_change_and_nothing_is_sent_for_nobody()
    {
        var told = new Told();
        var changes = new LearnerChanges(told);
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
}
