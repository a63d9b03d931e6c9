using System.Buffers.Text;
using System.Security.Cryptography;
using HoaHung.Learning.Changes;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Starts, checks and ends signed-in sessions (<see cref="AccountSession"/>, docs/architecture.md §6). A check is
/// answered from this instance's <see cref="SessionCache"/> and asks the database only on a miss; ending a session
/// deletes its row, evicts it here, bumps <see cref="SessionsVersion"/> (the fallback poll reads it) and publishes on
/// <see cref="Channel"/>, so every instance's cache forgets it. A singleton with a
/// context per operation: it runs for every signed-in request, and its writes never join a caller's transaction.
/// </summary>
public sealed class AccountSessions(
    IDbContextFactory<LearningDbContext> contexts,
    SessionCache cache,
    ChangeFeed feed,
    TimeProvider clock,
    ILogger<AccountSessions> log)
{
    /// <summary>A session unused for longer than a sign-in cookie lives (30 days, sliding) can never be used again.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromDays(31);

    private static readonly TimeSpan SeenResolution = TimeSpan.FromDays(1);

    /// <summary>Sessions that ended: <c>s:</c> and a session id, <c>u:</c> and an account id (all her sessions).</summary>
    public static readonly ChangeChannel Channel = new("sessions-ended");

    /// <summary>What <see cref="SessionCache"/> forgets for a message on <see cref="Channel"/>.</summary>
    internal static void Hear(SessionCache cache, string? message)
    {
        if (message is not null && message.StartsWith("s:", StringComparison.Ordinal))
            cache.Forget(message[2..]);
        else if (message is not null && message.StartsWith("u:", StringComparison.Ordinal))
            cache.ForgetUser(message[2..]);
        else
            cache.Clear();
    }

    /// <summary>A new session for the account; its id goes into the sign-in cookie.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Add(new AccountSession { Id = id, UserId = userId, CreatedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(ct);
        // Her sessions whose cookies expired long ago (browsers closed, phones lost) go now rather than never.
        var stale = now - Unused;
        await db.Set<AccountSession>().Where(s => s.UserId == userId && s.LastSeenAt < stale).ExecuteDeleteAsync(ct);
        return id;
    }

    /// <summary>The session's account and the security stamp it must carry; null when the session ended (or never was).</summary>
    public async ValueTask<SessionCheck?> CheckAsync(string sessionId, CancellationToken ct)
    {
        if (cache.TryGet(sessionId, out var known))
            return known;
        var readAt = cache.Generation;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Set<AccountSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.UserId, u.SecurityStamp, s.LastSeenAt })
            .FirstOrDefaultAsync(ct);
        var check = row is null ? null : new SessionCheck(row.UserId, row.SecurityStamp);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is not null && row.LastSeenAt < now - SeenResolution)
            await db.Set<AccountSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        cache.Set(sessionId, check, readAt);
        return check;
    }

    /// <summary>Ends one session (signing out): a copy of its cookie is refused from now on, on every instance.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        cache.Forget(sessionId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<AccountSession>().Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
        await AnnounceAsync(db, sessionId, null, ct); // forgotten here again by the channel's listener, after the delete
    }

    /// <summary>Ends every session of an account (password changed, account locked or deleted), on every instance.</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        cache.ForgetUser(userId);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ended = await db.Set<AccountSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await AnnounceAsync(db, null, userId, ct);
        log.LogInformation("Ended all {Count} sessions of {UserId}", ended, userId);
    }

    /// <summary>Removes the sessions nobody can use any more (their cookies have expired).</summary>
    public async Task<int> PurgeUnusedAsync(CancellationToken ct)
    {
        var stale = clock.GetUtcNow().UtcDateTime - Unused;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<AccountSession>().Where(s => s.LastSeenAt < stale).ExecuteDeleteAsync(ct);
    }

    /// <summary>The counter the fallback poll of <see cref="Channel"/> reads; it changes whenever a session ends.</summary>
    public static Task<long> VersionAsync(LearningDbContext db, CancellationToken ct) =>
        db.Set<SessionsVersion>().AsNoTracking().Where(v => v.Id == SessionsVersion.SingletonId).Select(v => v.Value).FirstOrDefaultAsync(ct);

    private async Task AnnounceAsync(LearningDbContext db, string? sessionId, string? userId, CancellationToken ct)
    {
        await db.Set<SessionsVersion>().Where(v => v.Id == SessionsVersion.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);
        await feed.PublishAsync(Channel, sessionId is not null ? "s:" + sessionId : "u:" + userId, ct);
    }
}
