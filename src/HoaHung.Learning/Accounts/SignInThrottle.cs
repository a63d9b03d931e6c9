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
/// Counted in <see cref="ISignInCounts"/>: this instance's memory, or with Redis one count shared by every instance.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<AccountsOptions> options, ISignInCounts counts)
{
    private CountRule Own => new(options.Value.FreeFailedSignIns, TimeSpan.FromHours(1), TimeSpan.FromMinutes(options.Value.MaxSignInDelayMinutes), true);
    private CountRule Account => new(options.Value.FreeFailedSignIns * 2, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), true);
    private static readonly CountRule Address = new(100, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), false);

    /// <summary>
    /// Starts a try: <see cref="TimeSpan.Zero"/> when it may go ahead (and it is counted as a failure until
    /// <see cref="SucceededAsync"/>), or how long to wait first (nothing is counted, no password is checked).
    /// </summary>
    public ValueTask<TimeSpan> TryBeginAsync(SignInAttempt attempt) => counts.TryBeginAsync(Applicable(attempt), clock.GetUtcNow());

    /// <summary>The password was right: this browser's (or address's) count for the account starts afresh.</summary>
    public ValueTask SucceededAsync(SignInAttempt attempt) => counts.SucceededAsync(Applicable(attempt), clock.GetUtcNow());

    private CountedBucket[] Applicable(SignInAttempt a) => a.TrustedDevice is { } device
        ? [new($"d\n{device}\n{a.Account}", Own)]
        : [new($"aa\n{a.Account}\n{a.Address}", Own), new($"a\n{a.Account}", Account), new($"ip\n{a.Address}", Address)];

    /// <summary>How long after the last try a count of <paramref name="score"/> makes the next one wait.</summary>
    public static TimeSpan Delay(double score, CountRule rule)
    {
        if (score < rule.Free)
            return TimeSpan.Zero;
        var seconds = Math.Pow(2, Math.Min(30, score - rule.Free));
        return seconds >= rule.MaxDelay.TotalSeconds ? rule.MaxDelay : TimeSpan.FromSeconds(seconds);
    }
}

/// <summary>
/// A count's rule: tries free, half-life of the count, longest wait, and whether a wait runs from the last try of the
/// attempt's own count (the account's counts) or from this count's own last try (the address's).
/// </summary>
public sealed record CountRule(double Free, TimeSpan HalfLife, TimeSpan MaxDelay, bool FromOwnLastTry);

/// <summary>One count a try touches: its key (who and from where) and its rule. The first of a try's counts is its own.</summary>
public sealed record CountedBucket(string Key, CountRule Rule);

/// <summary>
/// Where the counts live. Both operations are atomic over all of a try's counts: tries sent all at once are each
/// counted before any password is checked.
/// </summary>
public interface ISignInCounts
{
    ValueTask<TimeSpan> TryBeginAsync(IReadOnlyList<CountedBucket> buckets, DateTimeOffset now);

    ValueTask SucceededAsync(IReadOnlyList<CountedBucket> buckets, DateTimeOffset now);
}

/// <summary>The counts in this instance's memory (one instance, or Redis unreachable).</summary>
public sealed class MemorySignInCounts : ISignInCounts
{
    private sealed class Bucket
    {
        public double Score;
        public DateTimeOffset Updated;
        public DateTimeOffset LastTry = DateTimeOffset.MinValue;
        public TimeSpan HalfLife = TimeSpan.FromHours(1);
        public TimeSpan MaxDelay;

        public double ScoreAt(DateTimeOffset now) =>
            Score * Math.Pow(0.5, Math.Max(0, (now - Updated).TotalSeconds) / HalfLife.TotalSeconds);
    }

    /// <summary>Past this many buckets, the faded ones are dropped.</summary>
    private const int MaxBuckets = 100_000;

    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public ValueTask<TimeSpan> TryBeginAsync(IReadOnlyList<CountedBucket> counted, DateTimeOffset now)
    {
        lock (gate)
        {
            var applicable = Get(counted, now);
            var own = applicable[0].Bucket;
            var wait = TimeSpan.Zero;
            foreach (var (bucket, rule) in applicable)
            {
                var delay = SignInThrottle.Delay(bucket.ScoreAt(now), rule);
                var from = rule.FromOwnLastTry ? own.LastTry : bucket.LastTry;
                if (from + delay - now > wait)
                    wait = from + delay - now;
            }
            if (wait > TimeSpan.Zero)
                return ValueTask.FromResult(wait);
            foreach (var (bucket, _) in applicable)
            {
                bucket.Score = bucket.ScoreAt(now) + 1;
                bucket.Updated = now;
                bucket.LastTry = now;
            }
            return ValueTask.FromResult(TimeSpan.Zero);
        }
    }

    public ValueTask SucceededAsync(IReadOnlyList<CountedBucket> counted, DateTimeOffset now)
    {
        lock (gate)
        {
            var applicable = Get(counted, now);
            applicable[0].Bucket.Score = 0;
            foreach (var (bucket, _) in applicable.Skip(1))
            {
                bucket.Score = Math.Max(0, bucket.ScoreAt(now) - 1);
                bucket.Updated = now;
            }
        }
        return ValueTask.CompletedTask;
    }

    private List<(Bucket Bucket, CountRule Rule)> Get(IReadOnlyList<CountedBucket> counted, DateTimeOffset now)
    {
        if (buckets.Count > MaxBuckets)
            Prune(now);
        return counted.Select(c =>
        {
            if (!buckets.TryGetValue(c.Key, out var bucket))
                buckets[c.Key] = bucket = new Bucket { Updated = now };
            bucket.HalfLife = c.Rule.HalfLife;
            bucket.MaxDelay = c.Rule.MaxDelay;
            return (bucket, c.Rule);
        }).ToList();
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in buckets.ToList())
            if (bucket.ScoreAt(now) < 0.5 && now - bucket.LastTry > bucket.MaxDelay)
                buckets.Remove(key);
        if (buckets.Count > MaxBuckets)
            buckets.Clear(); // a flood of made-up names: start afresh rather than grow without bound
    }
}
