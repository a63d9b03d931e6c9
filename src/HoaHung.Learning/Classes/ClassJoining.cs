using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Classes;

/// <summary>What the join page shows for a code, before she joins.</summary>
public sealed record JoinPreview(int ClassId, string Name, string? Neighbourhood, string? Place, string Code, bool Open, bool IsMember);

public abstract record JoinResult
{
    private JoinResult() { }

    /// <summary>She is in the class (<see cref="AlreadyMember"/> when she was before: nothing changed).</summary>
    public sealed record Joined(int ClassId, string Name, bool AlreadyMember) : JoinResult;

    /// <summary>The trainer closed joining, or archived the class.</summary>
    public sealed record Closed(string Name) : JoinResult;

    /// <summary>No class has this code (mistyped, or replaced by a new one).</summary>
    public sealed record Unknown : JoinResult;
}

/// <summary>A resident joins a class with its code: idempotent, and safe when a whole class scans at once.</summary>
public sealed class ClassJoining(IDbContextFactory<LearningDbContext> contexts, ClassChanges changes, LearnerChanges learners,
    ILogger<ClassJoining> log)
{
    /// <summary>The class a code names, and whether <paramref name="userId"/> (when signed in) is in it; null for no class.</summary>
    public async Task<JoinPreview?> FindAsync(string? code, string? userId, CancellationToken ct)
    {
        if (JoinCodes.Normalize(code) is not { } normalized)
            return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Classroom>().AsNoTracking().Where(c => c.JoinCode == normalized)
            .Select(c => new JoinPreview(c.Id, c.Name, c.Neighbourhood, c.Place, c.JoinCode, !c.JoinClosed && !c.Archived,
                userId != null && c.Members.Any(m => m.UserId == userId)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds her to the class the code names. Joining twice, or twice at once, leaves one membership.</summary>
    public async Task<JoinResult> JoinAsync(string userId, string? code, CancellationToken ct)
    {
        if (await FindAsync(code, userId, ct) is not { } found)
            return new JoinResult.Unknown();
        if (found.IsMember)
            return new JoinResult.Joined(found.ClassId, found.Name, AlreadyMember: true);
        if (!found.Open)
            return new JoinResult.Closed(found.Name);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = changes.Clock.GetUtcNow().UtcDateTime;
        // One statement that both providers understand: a double tap, or a whole class scanning at once, meets the
        // unique index and inserts nothing, without an exception (and an error in the log) per race.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ClassMembers" ("ClassId", "UserId", "JoinedAt") VALUES ({found.ClassId}, {userId}, {now}) ON CONFLICT ("ClassId", "UserId") DO NOTHING""",
            ct);
        if (inserted == 0)
        {
            log.LogInformation("Join race for {UserId} in class {ClassId}: already a member", userId, found.ClassId);
            return new JoinResult.Joined(found.ClassId, found.Name, AlreadyMember: true);
        }
        await changes.TouchAsync(db, found.ClassId, ct);
        await learners.ChangedAsync(userId, ct); // "Của tôi" shows the class
        log.LogInformation("{UserId} joined class {ClassId}", userId, found.ClassId);
        return new JoinResult.Joined(found.ClassId, found.Name, AlreadyMember: false);
    }
}
