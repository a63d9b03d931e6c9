using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Who is trying to sign in: the account named (its normalized sign-in name, or what was typed when it is not
/// one: an unknown name is throttled exactly like a real one), the client address, and the id of this browser's
/// device cookie when that browser has signed in to this account before.
/// </summary>
public sealed record SignInAttempt(string Account, string Address, string? TrustedDevice);

/// <summary>
/// Slows password guessing without locking anyone out (docs/architecture.md §6). Every try counts as a failure
/// until it succeeds; counts fade (half-life one hour, ten minutes per address). Past a free allowance each further
/// try must wait 1 s, 2 s, 4 s … since the previous one from the same place, up to a ceiling (as counts fade while
/// a guesser waits, one who never stops settles near one try every 6–7 minutes from one place, about 220 a day):
/// <list type="bullet">
/// <item>a browser that signed in to the account before (device cookie): only its own failures count, so a
/// stranger elsewhere never slows a resident on her own phone;</item>
/// <item>any other browser: its failures for the account from its address (ceiling <see cref="AccountsOptions.MaxSignInDelayMinutes"/>),
/// the account's failures from every such browser (ceiling one minute, measured from this address's own last try,
/// so the first try from a new place is never refused), and the address's failures for every account (ceiling one
/// minute, generous enough for a class of 30 sharing the ward's connection).</item>
/// </list>
/// Counted in this instance's memory: several instances each count their own share.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<AccountsOptions> options)
{
    private sealed record Rule(double Free, TimeSpan HalfLife, TimeSpan MaxDelay);

    private sealed class Bucket
    {
        public double Score;
        public DateTimeOffset Updated;
        public DateTimeOffset LastTry = DateTimeOffset.MinValue;

        public double ScoreAt(DateTimeOffset now, Rule rule) =>
            Score * Math.Pow(0.5, Math.Max(0, (now - Updated).TotalSeconds) / rule.HalfLife.TotalSeconds);
    }

    /// <summary>Past this many buckets, the faded ones are dropped.</summary>
    private const int MaxBuckets = 100_000;

    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private Rule Own => new(options.Value.FreeFailedSignIns, TimeSpan.FromHours(1), TimeSpan.FromMinutes(options.Value.MaxSignInDelayMinutes));
    private Rule Account => new(options.Value.FreeFailedSignIns * 2, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1));
    private static readonly Rule Address = new(100, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));

    /// <summary>
    /// Starts a try: <see cref="TimeSpan.Zero"/> when it may go ahead (and it is counted as a failure until
    /// <see cref="Succeeded"/>), or how long to wait first (nothing is counted, no password is checked).
    /// </summary>
    public TimeSpan TryBegin(SignInAttempt attempt)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var applicable = Applicable(attempt);
            var own = applicable[0].Bucket;
            var wait = TimeSpan.Zero;
            foreach (var (bucket, rule) in applicable)
            {
                var delay = Delay(bucket.ScoreAt(now, rule), rule);
                var from = ReferenceEquals(rule, Address) ? bucket.LastTry : own.LastTry;
                if (from + delay - now > wait)
                    wait = from + delay - now;
            }
            if (wait > TimeSpan.Zero)
                return wait;
            foreach (var (bucket, rule) in applicable)
            {
                bucket.Score = bucket.ScoreAt(now, rule) + 1;
                bucket.Updated = now;
                bucket.LastTry = now;
            }
            return TimeSpan.Zero;
        }
    }

    /// <summary>The password was right: this browser's (or address's) count for the account starts afresh.</summary>
    public void Succeeded(SignInAttempt attempt)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var applicable = Applicable(attempt);
            applicable[0].Bucket.Score = 0;
            foreach (var (bucket, rule) in applicable.Skip(1))
            {
                bucket.Score = Math.Max(0, bucket.ScoreAt(now, rule) - 1);
                bucket.Updated = now;
            }
        }
    }

    private List<(Bucket Bucket, Rule Rule)> Applicable(SignInAttempt a)
    {
        if (buckets.Count > MaxBuckets)
            Prune();
        if (a.TrustedDevice is { } device)
            return [(Get($"d\n{device}\n{a.Account}"), Own)];
        return [(Get($"aa\n{a.Account}\n{a.Address}"), Own), (Get($"a\n{a.Account}"), Account), (Get($"ip\n{a.Address}"), Address)];
    }

    private Bucket Get(string key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
            buckets[key] = bucket = new Bucket { Updated = clock.GetUtcNow() };
        return bucket;
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, bucket) in buckets.ToList())
            if (bucket.ScoreAt(now, Own) < 0.5 && now - bucket.LastTry > Own.MaxDelay)
                buckets.Remove(key);
        if (buckets.Count > MaxBuckets)
            buckets.Clear(); // a flood of made-up names: start afresh rather than grow without bound
    }

    private static TimeSpan Delay(double score, Rule rule)
    {
        if (score < rule.Free)
            return TimeSpan.Zero;
        var seconds = Math.Pow(2, Math.Min(30, score - rule.Free));
        return seconds >= rule.MaxDelay.TotalSeconds ? rule.MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}
