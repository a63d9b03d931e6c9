using System.Diagnostics;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Changes;
using HoaHung.Learning.Web.Accounts;
using HoaHung.Learning.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// The one Redis connection when Redis goes away (issue 26): it notices at once, nothing asked of it waits, the feed
/// falls back to the pollers, and when Redis is back the channels it could not publish on and every listener here
/// catch up wholesale. A redis-server of the test's own (<see cref="PrivateRedis"/>), stopped and started.
/// </summary>
public sealed class RedisLinkTests
{
    private static readonly ChangeChannel Lessons = new("lessons-link-test");
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    private static (RedisLink Link, ChangeFeed Feed) Connect(string address)
    {
        var services = new ServiceCollection();
        services.AddSingleton(sp => new RedisLink(address, sp, NullLogger<RedisLink>.Instance));
        services.AddSingleton<IChangeRelay>(sp => sp.GetRequiredService<RedisLink>());
        services.AddSingleton(sp => new ChangeFeed(sp.GetRequiredService<IChangeRelay>(), [], NullLogger<ChangeFeed>.Instance));
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<RedisLink>(), provider.GetRequiredService<ChangeFeed>());
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"not {what} after 15 s");
            await Task.Delay(20, ct);
        }
    }

    [Fact]
    public async Task While_redis_is_down_nothing_waits_on_it_and_when_it_is_back_both_sides_catch_up()
    {
        await using var redis = PrivateRedis.Create();
        var (first, firstFeed) = Connect(redis.Address);
        var (second, secondFeed) = Connect(redis.Address);
        using var _ = first;
        using var __ = second;
        var heard = new List<string?>();
        using var listening = secondFeed.Subscribe(Lessons, (m, _) => { lock (heard) heard.Add(m); return ValueTask.CompletedTask; });
        using var own = firstFeed.Subscribe(Lessons, (_, _) => ValueTask.CompletedTask);
        await UntilAsync(() => first.IsLive && second.IsLive, "connected");

        // Live: a message crosses, and only once (its sender does not hear its own echo).
        await firstFeed.PublishAsync(Lessons, "12", ct);
        await UntilAsync(() => { lock (heard) return heard.Count == 1; }, "heard on the other instance");
        Assert.Equal(["12"], heard);

        redis.Stop();
        var noticed = Stopwatch.StartNew();
        await UntilAsync(() => !first.IsLive && !second.IsLive, "noticed the outage");
        var noticedAfter = noticed.Elapsed;
        Assert.False(firstFeed.IsShared); // the fallback pollers run now

        // Nothing waits: a publication, and sign-in counts (which fall back to this instance's memory).
        var counts = new RedisSignInCounts(first.Multiplexer, new MemorySignInCounts(), NullLogger<RedisSignInCounts>.Instance, $"hh-test:{Guid.NewGuid():N}:");
        var bucket = new CountedBucket("lan|127.0.0.1", new CountRule(5, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), true));
        var took = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            await firstFeed.PublishAsync(Lessons, "13", ct);
            Assert.Equal(TimeSpan.Zero, await counts.TryBeginAsync([bucket], DateTimeOffset.UtcNow.AddSeconds(i * 100)));
            await counts.SucceededAsync([bucket], DateTimeOffset.UtcNow.AddSeconds(i * 100 + 1));
        }
        var forTwenty = took.Elapsed;
        Measurements.Write("faults.txt", "redis-link", $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: Redis killed, both connections noticed after " +
            $"{noticedAfter.TotalMilliseconds:F0} ms; then 20 publications and 40 sign-in counts took {forTwenty.TotalMilliseconds:F0} ms in all");
        Assert.True(forTwenty < TimeSpan.FromSeconds(1), $"20 publications and sign-in counts took {forTwenty.TotalSeconds:F1} s while Redis was down");

        // Back: the channel the first could not publish on tells the other "anything changed"; each side forgets all.
        lock (heard) heard.Clear();
        redis.Start();
        await UntilAsync(() => first.IsLive && second.IsLive, "reconnected");
        await UntilAsync(() => { lock (heard) return heard.Contains(null); }, "told to forget everything after the outage");
        Assert.DoesNotContain("13", heard); // what was skipped is not replayed one by one
    }
}
