using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio;

/// <summary>
/// Who is acting in the studio, read from the database for every action (a circuit outlives the cookie check that
/// let it in): her roles and her team. The rules of who may edit what live here.
/// </summary>
/// <param name="CanAuthor">She passes <see cref="Policies.CanAuthor"/>: she uses the studio.</param>
/// <param name="CanReview">She passes <see cref="Policies.CanReview"/>: she reviews, publishes and edits every lesson.</param>
public sealed record StudioActor(string Id, string DisplayName, string? Team, bool CanAuthor, bool CanReview)
{
    /// <summary>
    /// Reviewers and admins edit every lesson. An author edits the lessons she created and her team's; imported
    /// lessons belong to nobody (no author, no team), so only reviewers and admins edit them.
    /// </summary>
    public bool CanEdit(string? authorId, string? team) =>
        CanReview || (CanAuthor && (authorId == Id || (team is not null && team == Team)));

    /// <summary>The active staff member with this id, or null (unknown, locked, or not staff).</summary>
    public static async Task<StudioActor?> FindAsync(LearningDbContext db, string? userId, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
            return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.Team, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (user is null || user.LockoutEnd > now)
            return null;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        var actor = new StudioActor(user.Id, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? "", user.Team,
            Policies.Allows(Policies.CanAuthor, roles), Policies.Allows(Policies.CanReview, roles));
        return actor.CanAuthor ? actor : null;
    }

    /// <summary>The acting staff member if she may edit the lesson; otherwise why not (<see cref="StudioReasons"/>).</summary>
    public static async Task<(StudioActor? Actor, string? Refusal)> ForLessonAsync(LearningDbContext db, string? userId, int lessonId,
        DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        if (await FindAsync(db, userId, now, ct) is not { } actor)
        {
            log.LogWarning("Refused a studio action on lesson {LessonId} by {ActorId}, who is not active staff", lessonId, userId);
            return (null, StudioReasons.NotAllowed);
        }
        var owner = await db.Lessons.AsNoTracking().Where(l => l.Id == lessonId).Select(l => new { l.AuthorId, l.Team }).FirstOrDefaultAsync(ct);
        if (owner is null)
            return (null, StudioReasons.NotFound);
        if (!actor.CanEdit(owner.AuthorId, owner.Team))
        {
            log.LogWarning("Refused: {ActorId} (team {Team}) may not edit lesson {LessonId}", actor.Id, actor.Team ?? "(none)", lessonId);
            return (null, StudioReasons.NotAllowed);
        }
        return (actor, null);
    }
}
