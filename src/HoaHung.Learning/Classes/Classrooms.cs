using System.Data.Common;
using System.Security.Cryptography;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Classes;

/// <summary>
/// A trainer's classes: create, edit, archive, the join code, co-trainers, and the class page. A singleton that
/// opens a context per operation, so an Interactive Server page can hold it; every method takes the acting user
/// and checks on the server that she may act on the class (<see cref="ClassAccess"/>).
/// </summary>
public sealed partial class Classrooms(IDbContextFactory<LearningDbContext> contexts, ClassChanges changes, IOptions<AccountsOptions> accounts)
{
    public async Task<ClassRead<IReadOnlyList<ClassCard>>> ListAsync(string? actorId, bool archived, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = changes.Clock.GetUtcNow();
        if (await ClassAccess.ActorAsync(db, actorId, now, ct) is not { CanTeach: true } actor)
            return ClassRead<IReadOnlyList<ClassCard>>.NotAllowed;
        var utcNow = now.UtcDateTime.AddHours(-3); // a session that started this morning is still "next" this afternoon
        var list = await ClassAccess.Manageable(db, actor).AsNoTracking().Where(c => c.Archived == archived)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new ClassCard(c.Id, c.Name, c.Neighbourhood, c.Place, c.Archived, c.JoinCode, c.JoinClosed, c.Members.Count,
                c.Sessions.Where(s => s.StartsAt >= utcNow).OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefault()))
            .ToListAsync(ct);
        return new ClassRead<IReadOnlyList<ClassCard>>.Found(list);
    }

    /// <summary>Creates a class with the actor as its trainer; only trainers and admins may.</summary>
    public async Task<ClassResult> CreateAsync(string? actorId, ClassForm form, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = changes.Clock.GetUtcNow();
        if (await ClassAccess.ActorAsync(db, actorId, now, ct) is not { CanTeach: true } actor)
            return new ClassResult.Refused(ClassReasons.NotAllowed);
        if (Validate(form) is { } refused)
            return refused;
        var room = new Classroom
        {
            Name = ClassText.Line(form.Name),
            Neighbourhood = ClassText.Optional(form.Neighbourhood),
            Place = ClassText.Optional(form.Place),
            JoinCode = JoinCodes.Generate(),
            AttendanceSecret = RandomNumberGenerator.GetBytes(32),
            CreatedAt = now.UtcDateTime,
            ChangedAt = now.UtcDateTime,
            CreatedById = actor.UserId,
            Trainers = [new ClassTrainer { UserId = actor.UserId }],
        };
        db.Add(room);
        // A fresh code collides with an existing one about once in 887 million per class: draw again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return new ClassResult.Created(room.Id);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                if (!await CodeTakenAsync(room.JoinCode, ct))
                    throw;
                room.JoinCode = JoinCodes.Generate();
            }
        }
    }

    public Task<ClassResult> UpdateAsync(string? actorId, int classId, ClassForm form, Guid version, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "update", async (db, _) =>
        {
            if (Validate(form) is { } refused)
                return refused;
            var room = await db.Set<Classroom>().FirstAsync(c => c.Id == classId, ct);
            // Another trainer saved since this form was loaded: say so instead of overwriting her change.
            db.Entry(room).Property(c => c.Version).OriginalValue = version;
            room.Name = ClassText.Line(form.Name);
            room.Neighbourhood = ClassText.Optional(form.Neighbourhood);
            room.Place = ClassText.Optional(form.Place);
            room.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
            return ClassResult.Ok;
        }, ct);

    public Task<ClassResult> SetArchivedAsync(string? actorId, int classId, bool archived, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, archived ? "archive" : "restore", async (db, _) =>
        {
            await db.Set<Classroom>().Where(c => c.Id == classId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Archived, archived), ct);
            return ClassResult.Ok;
        }, ct);

    /// <summary>Closes or reopens joining by code; the code stays, so residents who type it are told it is closed.</summary>
    public Task<ClassResult> SetJoiningAsync(string? actorId, int classId, bool open, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, open ? "open joining" : "close joining", async (db, _) =>
        {
            await db.Set<Classroom>().Where(c => c.Id == classId).ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinClosed, !open), ct);
            return ClassResult.Ok;
        }, ct);

    /// <summary>A new join code (the old one becomes unknown), e.g. after a photo of the poster went round.</summary>
    public Task<ClassResult> NewJoinCodeAsync(string? actorId, int classId, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "new join code", async (db, _) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var code = JoinCodes.Generate();
                try
                {
                    await db.Set<Classroom>().Where(c => c.Id == classId).ExecuteUpdateAsync(s => s.SetProperty(c => c.JoinCode, code), ct);
                    return ClassResult.Ok;
                }
                catch (DbException) when (attempt < 3)
                {
                    // the unique index refused a code another class has: draw again
                }
            }
        }, ct);

    /// <summary>Adds a co-trainer by her sign-in name; she must have the Trainer role.</summary>
    public Task<ClassResult> AddTrainerAsync(string? actorId, int classId, string? userName, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "add trainer", async (db, _) =>
        {
            var (name, _, error) = SignInNames.Normalize(userName);
            if (error is not null)
                return new ClassResult.Refused(ClassReasons.NotATrainer);
            var trainer = await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (trainer is null || await ClassAccess.ActorAsync(db, trainer, changes.Clock.GetUtcNow(), ct) is not { IsTrainer: true })
                return new ClassResult.Refused(ClassReasons.NotATrainer);
            if (!await db.Set<ClassTrainer>().AnyAsync(t => t.ClassId == classId && t.UserId == trainer, ct))
            {
                db.Add(new ClassTrainer { ClassId = classId, UserId = trainer });
                await db.SaveChangesAsync(ct);
            }
            return ClassResult.Ok;
        }, ct);

    /// <summary>Removes a trainer from the class; a class always keeps one.</summary>
    public Task<ClassResult> RemoveTrainerAsync(string? actorId, int classId, string trainerId, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "remove trainer", async (db, _) =>
        {
            var trainers = await db.Set<ClassTrainer>().Where(t => t.ClassId == classId).ToListAsync(ct);
            if (trainers.FirstOrDefault(t => t.UserId == trainerId) is not { } trainer)
                return new ClassResult.Refused(ClassReasons.NotATrainer);
            if (trainers.Count == 1)
                return new ClassResult.Refused(ClassReasons.LastTrainer);
            db.Remove(trainer);
            await db.SaveChangesAsync(ct);
            return ClassResult.Ok;
        }, ct);

    private ClassResult.Refused? Validate(ClassForm form)
    {
        if (!ClassText.IsName(ClassText.Line(form.Name), 3, Classroom.MaxName))
            return new(ClassReasons.NameInvalid);
        if (ClassText.Line(form.Place).Length > Classroom.MaxPlace)
            return new(ClassReasons.PlaceInvalid);
        if (ClassText.Optional(form.Neighbourhood) is { } area && !accounts.Value.Neighbourhoods.Contains(area))
            return new(ClassReasons.NeighbourhoodInvalid);
        return null;
    }

    private async Task<bool> CodeTakenAsync(string code, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Classroom>().AnyAsync(c => c.JoinCode == code, ct);
    }
}
