using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Classes;

/// <summary>A learner account created by a trainer, for her sign-in card. The password is shown once, never stored in clear.</summary>
public sealed record NewLearner(string UserId, string DisplayName, string UserName, string TemporaryPassword)
{
    public override string ToString() => $"NewLearner {{ UserName = {UserName}, TemporaryPassword = *** }}";
}

public abstract record BulkResult
{
    private BulkResult() { }

    public sealed record Created(IReadOnlyList<NewLearner> Learners) : BulkResult;

    /// <summary>Nothing was created: every line that must be fixed first.</summary>
    public sealed record Invalid(IReadOnlyList<LineProblem> Problems) : BulkResult;

    public sealed record Refused(string ReasonKey) : BulkResult;
}

/// <summary>A temporary password given by a trainer, shown once.</summary>
public sealed record PasswordReset(string DisplayName, string UserName, string TemporaryPassword)
{
    public override string ToString() => $"PasswordReset {{ UserName = {UserName}, TemporaryPassword = *** }}";
}

/// <summary>
/// Accounts for residents without a phone or e-mail: a trainer creates them in bulk for her class, with generated
/// usernames and temporary passwords (she chooses her own at first sign-in), and can give a new temporary
/// password to a learner of her own classes only — never to staff.
/// </summary>
public sealed class ClassAccounts(IServiceScopeFactory scopes, ClassChanges changes, ILogger<ClassAccounts> log)
{
    /// <summary>Creates every listed learner and adds them to the class, all or nothing.</summary>
    public async Task<BulkResult> CreateLearnersAsync(string? actorId, int classId, string? pasted, CancellationToken ct)
    {
        var (lines, parsed) = LearnerList.Parse(pasted);
        var problems = parsed.ToList();
        List<NewLearner> created = [];
        var result = await changes.RunAsync(actorId, classId, "create learner accounts", async (_, actor) =>
        {
            if (problems.Count > 0)
                return new ClassResult.Refused(ClassReasons.Failed);
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<LearningDbContext>();
            var bases = lines.Select(l => LearnerList.BaseUserName(l.DisplayName)).Distinct().ToList();
            var taken = (await db.Users.AsNoTracking().Where(u => bases.Any(b => u.UserName!.StartsWith(b))).Select(u => u.UserName!)
                .ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            // A phone number given for someone is her username (she signs in with it, as residents who sign up do).
            var phones = lines.Where(l => l.Phone is not null).Select(l => l.Phone!).ToList();
            var phonesTaken = (await db.Users.AsNoTracking().Where(u => phones.Contains(u.UserName!)).Select(u => u.UserName!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            problems.AddRange(lines.Where(l => l.Phone is not null && phonesTaken.Contains(l.Phone))
                .Select(l => new LineProblem(l.Line, $"{l.DisplayName}, {l.Phone}", LearnerList.PhoneTaken)));
            if (problems.Count > 0)
                return new ClassResult.Refused(ClassReasons.Failed);
            // Her khu phố is the class's (reports and the admin's user list group by it).
            var neighbourhood = await db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.Neighbourhood).FirstOrDefaultAsync(ct);
            var now = changes.Clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var line in lines)
            {
                var user = new AppUser
                {
                    DisplayName = line.DisplayName, PhoneNumber = line.Phone, Neighbourhood = neighbourhood, CreatedAt = now, MustChangePassword = true,
                };
                string password;
                IdentityResult done;
                var tries = 0;
                do
                {
                    user.UserName = line.Phone ?? LearnerList.FreeUserName(LearnerList.BaseUserName(line.DisplayName), taken);
                    taken.Add(user.UserName);
                    password = TemporaryPasswords.Generate(user.UserName, user.DisplayName);
                    done = await users.CreateAsync(user, password);
                    // Another trainer's batch took the same name meanwhile: the next free one.
                } while (line.Phone is null && !done.Succeeded && done.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) && ++tries < 5);
                if (!done.Succeeded || !(await users.AddToRoleAsync(user, Roles.Learner)).Succeeded)
                {
                    log.LogError("Could not create a learner account for class {ClassId}: {Errors}", classId, string.Join(",", done.Errors.Select(e => e.Code)));
                    return new ClassResult.Refused(ClassReasons.Failed);
                }
                db.Add(new ClassMember { ClassId = classId, UserId = user.Id, JoinedAt = now, AddedById = actor.UserId });
                created.Add(new NewLearner(user.Id, user.DisplayName, user.UserName, password));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            log.LogInformation("{ActorId} created {Count} learner accounts for class {ClassId}", actor.UserId, created.Count, classId);
            return ClassResult.Ok;
        }, ct);
        return result switch
        {
            ClassResult.Refused { ReasonKey: ClassReasons.Failed } when problems.Count > 0 => new BulkResult.Invalid(problems),
            ClassResult.Refused refused => new BulkResult.Refused(refused.ReasonKey),
            _ => new BulkResult.Created(created),
        };
    }

    /// <summary>
    /// A new temporary password for a learner whose account this class's bulk accounts made and who has not claimed it
    /// yet (<see cref="AppUser.ClaimedAt"/>: she has not chosen her own password); she chooses her own at next sign-in,
    /// and her other sessions end. Refused for anyone not in the class, for staff accounts, and for a resident's own
    /// account — one she made herself, or took over — which only she (or an admin) resets.
    /// </summary>
    public async Task<(ClassResult Result, PasswordReset? Reset)> ResetPasswordAsync(string? actorId, int classId, string userId, CancellationToken ct)
    {
        PasswordReset? reset = null;
        var result = await changes.RunAsync(actorId, classId, "reset a learner's password", async (db, actor) =>
        {
            var madeHere = await db.Set<ClassMember>().Where(m => m.ClassId == classId && m.UserId == userId)
                .Select(m => (bool?)(m.AddedById != null)).FirstOrDefaultAsync(ct);
            if (madeHere is null)
                return new ClassResult.Refused(ClassReasons.NotAMember);
            if (userId == actor.UserId)
                return new ClassResult.Refused(ClassReasons.StaffAccount);
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByIdAsync(userId) is not { } user)
                return new ClassResult.Refused(ClassReasons.NotAMember);
            // A staff member who joined a class as a learner is still staff: only an admin resets her password.
            if ((await users.GetRolesAsync(user)).Any(r => r != Roles.Learner))
                return new ClassResult.Refused(ClassReasons.StaffAccount);
            if (madeHere != true || user.ClaimedAt is not null)
            {
                log.LogWarning("Refused: {ActorId} tried to reset the password of {UserId}, whose account is her own", actor.UserId, userId);
                return new ClassResult.Refused(ClassReasons.OwnAccount);
            }
            var password = TemporaryPasswords.Generate(user.UserName, user.DisplayName);
            user.MustChangePassword = true;
            user.AccessFailedCount = 0;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            if (!(await users.ResetPasswordAsync(user, token, password)).Succeeded)
                return new ClassResult.Refused(ClassReasons.Failed);
            log.LogInformation("{ActorId} set a temporary password for {UserId}, a learner of class {ClassId}", actor.UserId, userId, classId);
            reset = new PasswordReset(user.DisplayName, user.UserName ?? "", password);
            return ClassResult.Ok;
        }, ct);
        return (result, reset);
    }

    /// <summary>
    /// Sign-in cards printed again: a new temporary password for every learner of the class who has not signed in yet
    /// (her card was never used), so the old cards stop working. Learners who signed in, and staff, are left alone.
    /// </summary>
    public async Task<(ClassResult Result, IReadOnlyList<NewLearner> Cards)> ReissueCardsAsync(string? actorId, int classId, CancellationToken ct)
    {
        List<NewLearner> cards = [];
        var result = await changes.RunAsync(actorId, classId, "print the sign-in cards again", async (db, actor) =>
        {
            var waiting = await (from m in db.Set<ClassMember>().AsNoTracking()
                                 where m.ClassId == classId
                                 join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                                 where u.MustChangePassword && u.LastSignInAt == null
                                 orderby u.DisplayName, u.UserName
                                 select u.Id).ToListAsync(ct);
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var id in waiting)
            {
                if (await users.FindByIdAsync(id) is not { } user || id == actor.UserId
                    || (await users.GetRolesAsync(user)).Any(r => r != Roles.Learner))
                    continue;
                var password = TemporaryPasswords.Generate(user.UserName, user.DisplayName);
                user.AccessFailedCount = 0;
                // A reset renews the security stamp: the old password and any session of the old card end.
                var token = await users.GeneratePasswordResetTokenAsync(user);
                if (!(await users.ResetPasswordAsync(user, token, password)).Succeeded)
                    return new ClassResult.Refused(ClassReasons.Failed);
                cards.Add(new NewLearner(user.Id, user.DisplayName, user.UserName ?? "", password));
            }
            log.LogInformation("{ActorId} printed {Count} sign-in cards again for class {ClassId}", actor.UserId, cards.Count, classId);
            return ClassResult.Ok;
        }, ct);
        return (result, result is ClassResult.Refused ? [] : cards);
    }
}
