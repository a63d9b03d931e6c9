using HoaHung.Learning.Data;
using HoaHung.Learning.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// The ward admin's user administration: list and find users, change roles, lock and unlock, give a temporary
/// password. A singleton that opens a scope (UserManager) or a context per operation, so an Interactive Server
/// page can hold it for the life of a circuit. Every change re-checks on the server that the actor is an active
/// admin, and is logged with who did what to whom.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<LearningDbContext> contexts,
    AccountSessions sessions,
    TimeProvider clock,
    IOptions<AccountsOptions> accounts,
    ILogger<UserAdministration> log)
{
    /// <summary>A newest-first page of users, filtered by role, neighbourhood and a search on name, username or phone.</summary>
    public async Task<UserPage> ListAsync(UserQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        IQueryable<AppUser> users = db.Users.AsNoTracking();
        if (Roles.Parse(query.Role) is { } role)
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (!string.IsNullOrWhiteSpace(query.Neighbourhood))
            users = users.Where(u => u.Neighbourhood == query.Neighbourhood);
        if (!string.IsNullOrWhiteSpace(query.Team))
            users = users.Where(u => u.Team == query.Team);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var ids = await MatchingIdsAsync(users, query.Search, ct);
            users = users.Where(u => ids.Contains(u.Id));
        }

        var total = await users.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, UserQuery.MaxPageSize);
        var page = await users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Neighbourhood, u.LockoutEnd, u.MustChangePassword, u.CreatedAt, u.LastSignInAt, u.Team })
            .ToListAsync(ct);

        // One query for the roles of the whole page, not one per user.
        var pageIds = page.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where pageIds.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);

        var now = clock.GetUtcNow();
        var rows = page.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Neighbourhood,
                roles[u.Id].OrderBy(r => RoleOrder(r)).ToList(), u.LockoutEnd > now, u.MustChangePassword, u.CreatedAt, u.LastSignInAt, u.Team))
            .ToList();
        return new UserPage(rows, total);
    }

    /// <summary>Sets a user's roles; Learner is always kept.</summary>
    public Task<AdminResult> SetRolesAsync(string actorId, string userId, IEnumerable<string> roles, CancellationToken ct) =>
        AsAdminAsync(actorId, userId, async c =>
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal) { Roles.Learner };
            foreach (var name in roles)
            {
                if (Roles.Parse(name) is not { } role)
                    return new AdminResult.Refused(AdminReasons.UnknownRole);
                wanted.Add(role);
            }
            var current = await c.Users.GetRolesAsync(c.User);
            if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin)
                && await RefuseLosingAdminAsync(c, AdminReasons.OwnAdminRole, ct) is { } refused)
                return refused;

            var add = wanted.Except(current).ToList();
            var remove = current.Except(wanted).ToList();
            if (add.Count == 0 && remove.Count == 0)
                return AdminResult.Ok;
            await EnsureRolesExistAsync(c.RoleManager, add);
            if (!(await c.Users.AddToRolesAsync(c.User, add)).Succeeded || !(await c.Users.RemoveFromRolesAsync(c.User, remove)).Succeeded)
                return Failed("set roles", c.Actor, c.User);
            log.LogInformation("Admin {ActorId} ({Actor}) set the roles of {UserId} ({User}) to {Roles} (added {Added}, removed {Removed})",
                c.Actor.Id, c.Actor.UserName, c.User.Id, c.User.UserName, string.Join(",", wanted.OrderBy(RoleOrder)), string.Join(",", add), string.Join(",", remove));
            return AdminResult.Ok;
        }, ct);

    /// <summary>
    /// Puts a staff member in one of the ward's khu phố teams (<see cref="AccountsOptions.Neighbourhoods"/>), or in
    /// none with null. Her team decides which lessons she may edit in the studio.
    /// </summary>
    public Task<AdminResult> SetTeamAsync(string actorId, string userId, string? team, CancellationToken ct) =>
        AsAdminAsync(actorId, userId, async c =>
        {
            var wanted = string.IsNullOrWhiteSpace(team) ? null : accounts.Value.Neighbourhoods.FirstOrDefault(n => n == team.Trim());
            if (!string.IsNullOrWhiteSpace(team) && wanted is null)
                return new AdminResult.Refused(AdminReasons.UnknownTeam);
            if (c.User.Team == wanted)
                return AdminResult.Ok;
            var before = c.User.Team;
            c.User.Team = wanted;
            if (!(await c.Users.UpdateAsync(c.User)).Succeeded)
                return Failed("set the team", c.Actor, c.User);
            log.LogInformation("Admin {ActorId} ({Actor}) moved {UserId} ({User}) from team {Before} to {Team}",
                c.Actor.Id, c.Actor.UserName, c.User.Id, c.User.UserName, before ?? "(none)", wanted ?? "(none)");
            return AdminResult.Ok;
        }, ct);

    /// <summary>Locks an account until an admin unlocks it, and ends its sessions.</summary>
    public Task<AdminResult> LockAsync(string actorId, string userId, CancellationToken ct) =>
        AsAdminAsync(actorId, userId, async c =>
        {
            if ((await c.Users.GetRolesAsync(c.User)).Contains(Roles.Admin)
                && await RefuseLosingAdminAsync(c, AdminReasons.LockSelf, ct) is { } refused)
                return refused;
            if (c.User.Id == c.Actor.Id)
                return new AdminResult.Refused(AdminReasons.LockSelf);
            // Far in the future, yet a date each provider stores as is (DateTimeOffset.MaxValue is an edge case).
            c.User.LockoutEnabled = true;
            c.User.LockoutEnd = clock.GetUtcNow().AddYears(100);
            c.User.AccessFailedCount = 0;
            // A new stamp, and her sessions end on every instance once this commits (AsAdminAsync).
            if (!(await c.Users.UpdateSecurityStampAsync(c.User)).Succeeded)
                return Failed("lock", c.Actor, c.User);
            log.LogInformation("Admin {ActorId} ({Actor}) locked {UserId} ({User})", c.Actor.Id, c.Actor.UserName, c.User.Id, c.User.UserName);
            return AdminResult.Ok;
        }, ct, endsSessions: true);

    public Task<AdminResult> UnlockAsync(string actorId, string userId, CancellationToken ct) =>
        AsAdminAsync(actorId, userId, async c =>
        {
            c.User.LockoutEnd = null;
            c.User.AccessFailedCount = 0;
            if (!(await c.Users.UpdateAsync(c.User)).Succeeded)
                return Failed("unlock", c.Actor, c.User);
            log.LogInformation("Admin {ActorId} ({Actor}) unlocked {UserId} ({User})", c.Actor.Id, c.Actor.UserName, c.User.Id, c.User.UserName);
            return AdminResult.Ok;
        }, ct);

    /// <summary>
    /// Gives a resident who forgot her password a temporary one (returned once, never stored in clear): she must
    /// choose her own at next sign-in, and her other sessions end.
    /// </summary>
    public Task<AdminResult> SetTemporaryPasswordAsync(string actorId, string userId, CancellationToken ct) =>
        AsAdminAsync(actorId, userId, async c =>
        {
            if (c.User.Id == c.Actor.Id)
                return new AdminResult.Refused(AdminReasons.OwnPassword);
            var password = TemporaryPasswords.Generate(c.User.UserName, c.User.DisplayName);
            // Saved together with the password by ResetPasswordAsync, which also renews the security stamp.
            c.User.MustChangePassword = true;
            c.User.AccessFailedCount = 0;
            var token = await c.Users.GeneratePasswordResetTokenAsync(c.User);
            if (!(await c.Users.ResetPasswordAsync(c.User, token, password)).Succeeded)
                return Failed("set a temporary password", c.Actor, c.User);
            log.LogInformation("Admin {ActorId} ({Actor}) set a temporary password for {UserId} ({User})",
                c.Actor.Id, c.Actor.UserName, c.User.Id, c.User.UserName);
            return new AdminResult.PasswordSet(password);
        }, ct, endsSessions: true);

    /// <param name="endsSessions">The change ends the user's sessions: done after the commit, on every instance.</param>
    private async Task<AdminResult> AsAdminAsync(string actorId, string userId,
        Func<Change, Task<AdminResult>> change, CancellationToken ct, bool endsSessions = false)
    {
        ct.ThrowIfCancellationRequested();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        // The page asks for Policies.CanAdminister, but a circuit outlives the cookie check: ask the database.
        var actor = await users.FindByIdAsync(actorId);
        if (actor is null || await users.IsLockedOutAsync(actor) || !Policies.Allows(Policies.CanAdminister, await users.GetRolesAsync(actor)))
        {
            log.LogWarning("Refused an admin action by {ActorId}, who is not an active admin, on {UserId}", actorId, userId);
            return new AdminResult.Refused(AdminReasons.NotAllowed);
        }
        var user = userId == actor.Id ? actor : await users.FindByIdAsync(userId);
        if (user is null)
            return new AdminResult.Refused(AdminReasons.UserNotFound);
        // Identity saves after each step (roles added, then removed): one transaction makes the change whole.
        var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(new Change(users, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), actor, user));
        if (result is AdminResult.Refused)
            return result;
        await transaction.CommitAsync(ct);
        if (endsSessions)
            await sessions.EndAllAsync(user.Id, ct);
        return result;
    }

    private sealed record Change(UserManager<AppUser> Users, RoleManager<IdentityRole> RoleManager, AppUser Actor, AppUser User);

    /// <summary>The ward must keep an admin who can sign in; an admin does not remove her own access.</summary>
    private async Task<AdminResult?> RefuseLosingAdminAsync(Change c, string selfReason, CancellationToken ct)
    {
        var (users, _, actor, user) = c;
        var now = clock.GetUtcNow();
        var others = (await users.GetUsersInRoleAsync(Roles.Admin))
            .Count(a => a.Id != user.Id && !(a.LockoutEnd > now));
        if (others == 0)
        {
            log.LogWarning("Refused: {ActorId} ({Actor}) tried to remove the last active admin {UserId} ({User})",
                actor.Id, actor.UserName, user.Id, user.UserName);
            return new AdminResult.Refused(AdminReasons.LastAdmin);
        }
        ct.ThrowIfCancellationRequested();
        return user.Id == actor.Id ? new AdminResult.Refused(selfReason) : null;
    }

    private static async Task EnsureRolesExistAsync(RoleManager<IdentityRole> roleManager, IEnumerable<string> names)
    {
        foreach (var name in names)
            if (!await roleManager.RoleExistsAsync(name))
                await roleManager.CreateAsync(new IdentityRole(name));
    }

    private AdminResult.Refused Failed(string action, AppUser actor, AppUser user)
    {
        log.LogError("Admin {ActorId} ({Actor}) could not {Action} for {UserId} ({User})", actor.Id, actor.UserName, action, user.Id, user.UserName);
        return new AdminResult.Refused(AdminReasons.Failed);
    }

    /// <summary>
    /// Ids of the users (within the filtered set) whose sign-in name or display name matches. Names are folded in
    /// memory because neither SQLite nor a stock PostgreSQL folds Vietnamese; a projection of three short columns
    /// stays small for a ward's residents.
    /// </summary>
    private static async Task<List<string>> MatchingIdsAsync(IQueryable<AppUser> users, string search, CancellationToken ct)
    {
        var text = search.Trim();
        var folded = TextFolding.Fold(text);
        var (signInName, isPhone, _) = SignInNames.Normalize(text);
        // A partly typed number ("0912 345") is not a valid sign-in name yet: match its digits.
        var digits = isPhone ? signInName ?? new string(text.Where(char.IsAsciiDigit).ToArray()) : null;
        var lower = text.ToLowerInvariant();
        var candidates = await users.Select(u => new { u.Id, u.UserName, u.DisplayName, u.PhoneNumber }).ToListAsync(ct);
        return candidates.Where(u =>
                (digits is { Length: > 0 } && ((u.UserName ?? "").Contains(digits) || (u.PhoneNumber ?? "").Contains(digits)))
                || (!isPhone && (u.UserName ?? "").Contains(signInName ?? lower))
                || (folded.Length > 0 && TextFolding.Fold(u.DisplayName).Contains(folded, StringComparison.Ordinal)))
            .Select(u => u.Id)
            .ToList();
    }

    private static int RoleOrder(string role)
    {
        for (var i = 0; i < Roles.All.Count; i++)
            if (Roles.All[i] == role)
                return i;
        return int.MaxValue;
    }
}
