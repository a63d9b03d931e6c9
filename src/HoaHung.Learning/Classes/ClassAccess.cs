using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>Who is acting, as the database says now (a circuit outlives the cookie's role claims).</summary>
/// <param name="CanTeach">She passes <see cref="Policies.CanTeach"/>: she manages classes.</param>
/// <param name="CanAdminister">She passes <see cref="Policies.CanAdminister"/>: every class, not only the ones she trains.</param>
/// <param name="IsTrainer">She holds the Trainer role itself, so she can be named one of a class's trainers.</param>
public sealed record ClassActor(string UserId, bool CanTeach, bool CanAdminister, bool IsTrainer);

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
                RoleNames = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.LockoutEnd > now)
            return null;
        return new ClassActor(userId, Policies.Allows(Policies.CanTeach, row.RoleNames), Policies.Allows(Policies.CanAdminister, row.RoleNames),
            row.RoleNames.Contains(Roles.Trainer));
    }

    /// <summary>The actor when she may manage the class, or the reason she may not.</summary>
    public static async Task<(ClassActor? Actor, string? Refusal)> ManageAsync(LearningDbContext db, string? actorId, int classId,
        DateTimeOffset now, CancellationToken ct)
    {
        var actor = await ActorAsync(db, actorId, now, ct);
        if (actor is not { CanTeach: true })
            return (null, ClassReasons.NotAllowed);
        var found = await db.Set<Classroom>().AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new { Trains = c.Trainers.Any(t => t.UserId == actor.UserId) }).FirstOrDefaultAsync(ct);
        if (found is null)
            return (null, ClassReasons.NotFound);
        return actor.CanAdminister || found.Trains ? (actor, null) : (null, ClassReasons.NotAllowed);
    }

    /// <summary>The classes the actor may manage: all for an admin, hers for a trainer, none otherwise.</summary>
    public static IQueryable<Classroom> Manageable(LearningDbContext db, ClassActor actor) =>
        actor is { CanTeach: true, CanAdminister: true } ? db.Set<Classroom>()
        : actor.CanTeach ? db.Set<Classroom>().Where(c => c.Trainers.Any(t => t.UserId == actor.UserId))
        : db.Set<Classroom>().Where(_ => false);
}
