using System.Collections.Concurrent;

namespace HoaHung.Learning.Accounts;

/// <summary>What a session check found: the session's account and the security stamp it must still carry; null when it ended.</summary>
public sealed record SessionCheck(string UserId, string? SecurityStamp);

/// <summary>
/// This instance's memory of checked sessions, so that a signed-in request costs a dictionary lookup, not a query
/// (docs/architecture.md §6, issue 11). An entry lives <see cref="Lifetime"/> at most; ending a session evicts it
/// here at once and, through <see cref="AccountSessions"/>, on the other instances.
/// </summary>
public sealed class SessionCache(TimeProvider clock)
{
    /// <summary>Longest time an entry is believed without asking the database (a safety net: evictions are pushed).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Enough for every session of a city's learners; past it the cache starts afresh.</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long generation;

    private sealed record Entry(SessionCheck? Check, long ExpiresAt);

    /// <summary>Bumped by every eviction: a check that read the database before an eviction must not store its answer after it.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet(string sessionId, out SessionCheck? check)
    {
        if (entries.TryGetValue(sessionId, out var entry) && entry.ExpiresAt > clock.GetTimestamp())
        {
            check = entry.Check;
            return true;
        }
        check = null;
        return false;
    }

    /// <summary>Stores what the database said, unless a session ended since <paramref name="readAt"/> (the generation read before the query).</summary>
    public void Set(string sessionId, SessionCheck? check, long readAt)
    {
        if (entries.Count >= MaxEntries)
            Clear();
        var entry = new Entry(check, clock.GetTimestamp() + (long)(Lifetime.TotalSeconds * clock.TimestampFrequency));
        entries[sessionId] = entry;
        if (Generation != readAt)
            entries.TryRemove(new KeyValuePair<string, Entry>(sessionId, entry));
    }

    public void Forget(string sessionId)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove(sessionId, out _);
    }

    public void ForgetUser(string userId)
    {
        Interlocked.Increment(ref generation);
        foreach (var (id, entry) in entries)
            if (entry.Check?.UserId == userId)
                entries.TryRemove(id, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
