using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>A class's sessions, groups and members, changed by its trainers (or an admin).</summary>
public sealed class ClassSchedule(ClassChanges changes, LearnerChanges learners)
{
    public const int MaxMinutes = 8 * 60;

    public Task<ClassResult> AddSessionAsync(string? actorId, int classId, SessionForm form, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "add session", async (db, _) =>
        {
            if (Validate(form) is { } refused)
                return refused;
            var session = new ClassSession { ClassId = classId };
            Apply(session, form);
            db.Add(session);
            await db.SaveChangesAsync(ct);
            return new ClassResult.Created(session.Id);
        }, ct);

    public Task<ClassResult> UpdateSessionAsync(string? actorId, int sessionId, SessionForm form, CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassOfSession(db, sessionId, ct), "update session", async (db, _) =>
        {
            if (Validate(form) is { } refused)
                return refused;
            var session = await db.Set<ClassSession>().FirstAsync(s => s.Id == sessionId, ct);
            Apply(session, form);
            await db.SaveChangesAsync(ct);
            return ClassResult.Ok;
        }, ct);

    /// <summary>Removes a session and its attendance marks.</summary>
    public Task<ClassResult> RemoveSessionAsync(string? actorId, int sessionId, CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassOfSession(db, sessionId, ct), "remove session", async (db, _) =>
        {
            // Removed through the change tracker, so the ward's session and attendance figures see it (WardStats).
            db.RemoveRange(await db.Set<AttendanceMark>().Where(a => a.SessionId == sessionId).ToListAsync(ct));
            db.RemoveRange(await db.Set<ClassSession>().Where(s => s.Id == sessionId).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            return ClassResult.Ok;
        }, ct);

    public Task<ClassResult> AddGroupAsync(string? actorId, int classId, string? name, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "add group", async (db, _) =>
        {
            var clean = ClassText.Line(name);
            if (!ClassText.IsName(clean, 1, ClassGroup.MaxName))
                return new ClassResult.Refused(ClassReasons.GroupInvalid);
            var group = new ClassGroup { ClassId = classId, Name = clean };
            db.Add(group);
            await db.SaveChangesAsync(ct);
            return new ClassResult.Created(group.Id);
        }, ct);

    /// <summary>Removes a group: its members stay in the class without a group; its assignments go.</summary>
    public Task<ClassResult> RemoveGroupAsync(string? actorId, int groupId, CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassOfGroup(db, groupId, ct), "remove group", async (db, _) =>
        {
            await db.Set<ClassMember>().Where(m => m.GroupId == groupId).ExecuteUpdateAsync(s => s.SetProperty(m => m.GroupId, (int?)null), ct);
            await db.Set<ClassAssignment>().Where(a => a.GroupId == groupId).ExecuteDeleteAsync(ct);
            await db.Set<ClassGroup>().Where(g => g.Id == groupId).ExecuteDeleteAsync(ct);
            return ClassResult.Ok;
        }, ct);

    /// <summary>Puts a member in one of the class's groups, or in none.</summary>
    public Task<ClassResult> SetGroupAsync(string? actorId, int classId, string userId, int? groupId, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "set group", async (db, _) =>
        {
            if (groupId is { } g && !await db.Set<ClassGroup>().AnyAsync(x => x.Id == g && x.ClassId == classId, ct))
                return new ClassResult.Refused(ClassReasons.GroupInvalid);
            var changed = await db.Set<ClassMember>().Where(m => m.ClassId == classId && m.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.GroupId, groupId), ct);
            return changed == 0 ? new ClassResult.Refused(ClassReasons.NotAMember) : ClassResult.Ok;
        }, ct);

    /// <summary>Takes a learner out of the class (her account, progress and past attendance stay).</summary>
    public async Task<ClassResult> RemoveMemberAsync(string? actorId, int classId, string userId, CancellationToken ct)
    {
        var result = await changes.RunAsync(actorId, classId, "remove member", async (db, _) =>
        {
            var removed = await db.Set<ClassMember>().Where(m => m.ClassId == classId && m.UserId == userId).ExecuteDeleteAsync(ct);
            return removed == 0 ? new ClassResult.Refused(ClassReasons.NotAMember) : ClassResult.Ok;
        }, ct);
        if (result is ClassResult.Done)
            await learners.ChangedAsync(userId, ct); // her "Của tôi" no longer shows the class
        return result;
    }

    private static ClassResult.Refused? Validate(SessionForm form)
    {
        if (form.Minutes is < 5 or > MaxMinutes || form.Day.Year is < 2000 or > 2200)
            return new(ClassReasons.SessionInvalid);
        return ClassText.Line(form.Topic).Length > ClassSession.MaxTopic ? new(ClassReasons.SessionInvalid) : null;
    }

    private static void Apply(ClassSession session, SessionForm form)
    {
        session.StartsAt = WardTime.ToUtc(form.Day, form.Start);
        session.Minutes = form.Minutes;
        session.Topic = ClassText.Optional(form.Topic);
    }

    internal static Task<int?> ClassOfSession(Data.LearningDbContext db, int sessionId, CancellationToken ct) =>
        db.Set<ClassSession>().Where(s => s.Id == sessionId).Select(s => (int?)s.ClassId).FirstOrDefaultAsync(ct);

    private static Task<int?> ClassOfGroup(Data.LearningDbContext db, int groupId, CancellationToken ct) =>
        db.Set<ClassGroup>().Where(g => g.Id == groupId).Select(g => (int?)g.ClassId).FirstOrDefaultAsync(ct);
}
