using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Web.Accounts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Options = Microsoft.Extensions.Options.Options;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>
/// The rule that slows password guessing without locking a resident out (docs/architecture.md §6), with the counts in
/// one instance's memory and in Redis (shared by every instance).
/// </summary>
public abstract class SignInThrottleTests
{
    private const string Her = "0912345678";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle throttle;

    protected SignInThrottleTests(ISignInCounts counts) => throttle = new SignInThrottle(clock, Options.Create(new AccountsOptions()), counts);

    private static SignInAttempt Stranger(string address = "198.51.100.7") => new(Her, address, null);

    /// <summary>Guesses as fast as the throttle allows: waits whatever it says, then tries (and fails).</summary>
    private async Task Guess(SignInAttempt attempt, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var wait = await throttle.TryBeginAsync(attempt);
            if (wait > TimeSpan.Zero)
            {
                clock.Advance(wait);
                Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(attempt));
            }
        }
    }

    private async Task<int> AllowedOf(int tries, SignInAttempt attempt)
    {
        var allowed = 0;
        for (var i = 0; i < tries; i++)
            if (await throttle.TryBeginAsync(attempt) == TimeSpan.Zero)
                allowed++;
        return allowed;
    }

    [Fact]
    public async Task Five_wrong_tries_are_free_then_each_waits_twice_as_long()
    {
        await Guess(Stranger(), 5);
        Assert.InRange((await throttle.TryBeginAsync(Stranger())).TotalSeconds, 0.95, 1.0);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(Stranger()));
        Assert.InRange((await throttle.TryBeginAsync(Stranger())).TotalSeconds, 1.9, 2.0);

        await Guess(Stranger(), 12);

        Assert.True(await throttle.TryBeginAsync(Stranger()) > TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_guesser_who_never_stops_gets_a_few_hundred_tries_a_day_from_one_place()
    {
        var start = clock.GetUtcNow();
        var tries = 0;
        while (clock.GetUtcNow() - start < TimeSpan.FromDays(1))
        {
            await Guess(Stranger(), 1);
            tries++;
        }
        // Counts fade (half-life one hour), so waits settle near 6–7 minutes instead of climbing to the ceiling.
        Assert.InRange(tries, 100, 300);
    }

    [Fact]
    public async Task Tries_sent_all_at_once_are_counted_before_any_password_is_checked()
    {
        var allowed = await AllowedOf(50, Stranger());
        Assert.Equal(5, allowed);
    }

    [Fact]
    public async Task A_stranger_guessing_elsewhere_never_slows_her_on_the_phone_she_signed_in_with()
    {
        await Guess(Stranger(), 40);
        await Guess(Stranger("203.0.113.9"), 40);

        Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(new SignInAttempt(Her, "198.51.100.7", TrustedDevice: "her-phone")));
    }

    [Fact]
    public async Task A_stranger_never_refuses_her_first_try_from_a_new_place_and_slows_the_next_by_a_minute_at_most()
    {
        foreach (var address in Enumerable.Range(1, 20).Select(i => $"198.51.100.{i}"))
            await Guess(Stranger(address), 15);
        var atTheWard = new SignInAttempt(Her, "192.0.2.10", null);

        Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(atTheWard));
        Assert.True(await throttle.TryBeginAsync(atTheWard) <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_class_of_thirty_on_one_connection_is_not_slowed_by_each_others_typos()
    {
        const string ward = "192.0.2.10";
        var residents = Enumerable.Range(0, 30).Select(i => $"09123450{i:D2}").ToList();
        foreach (var name in residents)
        {
            for (var typo = 0; typo < 3; typo++)
            {
                Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(new SignInAttempt(name, ward, null)));
                clock.Advance(TimeSpan.FromSeconds(20)); // typing again on a phone
            }
            var right = new SignInAttempt(name, ward, null);
            Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(right));
            await throttle.SucceededAsync(right);
        }
        foreach (var name in residents)
            Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(new SignInAttempt(name, ward, null)));
    }

    [Fact]
    public async Task Wrong_tries_fade_away_and_a_right_one_starts_afresh()
    {
        await Guess(Stranger(), 12);
        clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(TimeSpan.Zero, await throttle.TryBeginAsync(Stranger()));

        var mine = new SignInAttempt(Her, "192.0.2.10", "her-phone");
        await Guess(mine, 7);
        await throttle.SucceededAsync(mine);
        Assert.Equal(5, await AllowedOf(50, mine));
    }
}

public sealed class SignInThrottleInMemoryTests() : SignInThrottleTests(new MemorySignInCounts());

/// <summary>The same rules with the counts in a real Redis (keys of their own per test).</summary>
public sealed class SignInThrottleInRedisTests() : SignInThrottleTests(Counts())
{
    private static ISignInCounts Counts()
    {
        TestEnvironment.RequireRedis();
        var redis = StackExchange.Redis.ConnectionMultiplexer.Connect(TestEnvironment.RedisServer!);
        return new RedisSignInCounts(redis, new MemorySignInCounts(), NullLogger<RedisSignInCounts>.Instance, $"hh-test:{Guid.NewGuid():N}:");
    }
}
