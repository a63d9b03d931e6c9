using HoaHung.Learning.Accounts;
using Microsoft.Extensions.Time.Testing;
using Options = Microsoft.Extensions.Options.Options;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>The rule that slows password guessing without locking a resident out (docs/architecture.md §6).</summary>
public sealed class SignInThrottleTests
{
    private const string Her = "0912345678";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle throttle;

    public SignInThrottleTests() => throttle = new SignInThrottle(clock, Options.Create(new AccountsOptions()));

    private static SignInAttempt Stranger(string address = "198.51.100.7") => new(Her, address, null);

    /// <summary>Guesses as fast as the throttle allows: waits whatever it says, then tries (and fails).</summary>
    private void Guess(SignInAttempt attempt, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var wait = throttle.TryBegin(attempt);
            if (wait > TimeSpan.Zero)
            {
                clock.Advance(wait);
                Assert.Equal(TimeSpan.Zero, throttle.TryBegin(attempt));
            }
        }
    }

    [Fact]
    public void Five_wrong_tries_are_free_then_each_waits_twice_as_long()
    {
        Guess(Stranger(), 5);
        Assert.InRange(throttle.TryBegin(Stranger()).TotalSeconds, 0.95, 1.0);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, throttle.TryBegin(Stranger()));
        Assert.InRange(throttle.TryBegin(Stranger()).TotalSeconds, 1.9, 2.0);

        Guess(Stranger(), 12);

        Assert.True(throttle.TryBegin(Stranger()) > TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void A_guesser_who_never_stops_gets_a_few_hundred_tries_a_day_from_one_place()
    {
        var start = clock.GetUtcNow();
        var tries = 0;
        while (clock.GetUtcNow() - start < TimeSpan.FromDays(1))
        {
            Guess(Stranger(), 1);
            tries++;
        }
        // Counts fade (half-life one hour), so waits settle near 6–7 minutes instead of climbing to the ceiling.
        Assert.InRange(tries, 100, 300);
    }

    [Fact]
    public void Tries_sent_all_at_once_are_counted_before_any_password_is_checked()
    {
        var allowed = Enumerable.Range(0, 50).Count(_ => throttle.TryBegin(Stranger()) == TimeSpan.Zero);
        Assert.Equal(5, allowed);
    }

    [Fact]
    public void A_stranger_guessing_elsewhere_never_slows_her_on_the_phone_she_signed_in_with()
    {
        Guess(Stranger(), 40);
        Guess(Stranger("203.0.113.9"), 40);

        Assert.Equal(TimeSpan.Zero, throttle.TryBegin(new SignInAttempt(Her, "198.51.100.7", TrustedDevice: "her-phone")));
    }

    [Fact]
    public void A_stranger_never_refuses_her_first_try_from_a_new_place_and_slows_the_next_by_a_minute_at_most()
    {
        foreach (var address in Enumerable.Range(1, 20).Select(i => $"198.51.100.{i}"))
            Guess(Stranger(address), 15);
        var atTheWard = new SignInAttempt(Her, "192.0.2.10", null);

        Assert.Equal(TimeSpan.Zero, throttle.TryBegin(atTheWard));
        Assert.True(throttle.TryBegin(atTheWard) <= TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_class_of_thirty_on_one_connection_is_not_slowed_by_each_others_typos()
    {
        const string ward = "192.0.2.10";
        var residents = Enumerable.Range(0, 30).Select(i => $"09123450{i:D2}").ToList();
        foreach (var name in residents)
        {
            for (var typo = 0; typo < 3; typo++)
            {
                Assert.Equal(TimeSpan.Zero, throttle.TryBegin(new SignInAttempt(name, ward, null)));
                clock.Advance(TimeSpan.FromSeconds(20)); // typing again on a phone
            }
            var right = new SignInAttempt(name, ward, null);
            Assert.Equal(TimeSpan.Zero, throttle.TryBegin(right));
            throttle.Succeeded(right);
        }
        Assert.All(residents, name => Assert.Equal(TimeSpan.Zero, throttle.TryBegin(new SignInAttempt(name, ward, null))));
    }

    [Fact]
    public void Wrong_tries_fade_away_and_a_right_one_starts_afresh()
    {
        Guess(Stranger(), 12);
        clock.Advance(TimeSpan.FromHours(6));
        Assert.Equal(TimeSpan.Zero, throttle.TryBegin(Stranger()));

        var mine = new SignInAttempt(Her, "192.0.2.10", "her-phone");
        Guess(mine, 7);
        throttle.Succeeded(mine);
        Assert.Equal(5, Enumerable.Range(0, 50).Count(_ => throttle.TryBegin(mine) == TimeSpan.Zero));
    }
}
