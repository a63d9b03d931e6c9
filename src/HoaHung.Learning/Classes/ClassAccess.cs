using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>Who is acting, as the database says now (a circuit outlives the cookie's role claims).</summary>
public sealed record ClassActor(string UserId, bool IsAdmin, bool IsTrainer)
{
    public bool IsStaff => IsAdmin || IsTrainer;
}

/// <summary>
/// docs/architecture.md §6 for classes: an admin acts on every class, a trainer only on the classes she trains, a
/// learner on none (she sees her own membership through <see cref="MyClasses"/>). Pages check too; the services
/// check again, because an Interactive Server circuit can act long after the page was authorized.
/// </summary>
internal static class ClassAccess
{
    /// <summary>The actor's roles, or null for an unknown or locked account.</summary>
    public static async Task<ClassActor?> ActorAsync(LearningDbContext db, string? userId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
            return null;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.LockoutEnd > now)
            return null;
        return new ClassActor(userId, row.Roles.Contains(Roles.Admin), row.Roles.Contains(Roles.Trainer));
    }

    /// <summary>The actor when she may manage the class, or the reason she may not.</summary>
    public static async Task<(ClassActor? Actor, string? Refusal)> ManageAsync(LearningDbContext db, string? actorId, int classId,
        DateTimeOffset now, CancellationToken ct)
    {
        var actor = await ActorAsync(db, actorId, now, ct);
        if (actor is not { IsStaff: true })
            return (null, ClassReasons.NotAllowed);
        var found = await db.Set<Classroom>().AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new { Trains = c.Trainers.Any(t => t.UserId == actor.UserId) }).FirstOrDefaultAsync(ct);
        if (found is null)
            return (null, ClassReasons.NotFound);
        return actor.IsAdmin || (actor.IsTrainer && found.Trains) ? (actor, null) : (null, ClassReasons.NotAllowed);
    }

    /// <summary>The classes the actor may manage: all for an admin, hers for a trainer, none otherwise.</summary>
    public static IQueryable<Classroom> Manageable(LearningDbContext db, ClassActor actor) =>
        actor.IsAdmin ? db.Set<Classroom>()
        : actor.IsTrainer ? db.Set<Classroom>().Where(c => c.Trainers.Any(t => t.UserId == actor.UserId))
        : db.Set<Classroom>().Where(_ => false);
}
