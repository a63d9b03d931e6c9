using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Classes;

/// <summary>One session's attendance list: every member, with her mark when she has one.</summary>
public sealed record AttendanceSheet(int SessionId, int ClassId, string ClassName, DateTime StartsAt, int Minutes, string? Topic,
    IReadOnlyList<AttendanceRow> Rows);

public sealed record AttendanceRow(string UserId, string DisplayName, string UserName, AttendanceStatus? Status, string? Note, bool SelfMarked);

/// <summary>The code the session's QR carries now, and when it changes.</summary>
public sealed record AttendanceQr(int SessionId, int ClassId, string Code, DateTimeOffset ChangesAt);

public abstract record SelfMarkResult
{
    private SelfMarkResult() { }

    /// <summary>She is marked (<see cref="Status"/> present or late); <see cref="Kept"/> when a trainer's mark stood.</summary>
    public sealed record Marked(int ClassId, string ClassName, AttendanceStatus Status, bool Kept) : SelfMarkResult;

    /// <summary>The code is not the session's current or previous one: a photo, or a page left open too long.</summary>
    public sealed record CodeExpired : SelfMarkResult;

    public sealed record NotAMember(string ClassName) : SelfMarkResult;

    public sealed record NotFound : SelfMarkResult;

    /// <summary>The pass has already marked someone else: a pass is used once (a forwarded link marks nobody).</summary>
    public sealed record PassUsed : SelfMarkResult;
}

/// <summary>
/// Attendance per session: trainers mark each learner (Có mặt, Đi trễ, Có phép, Vắng) with a note; a learner marks
/// herself present by scanning the session's rotating QR (<see cref="AttendanceCodes"/>).
/// </summary>
public sealed class ClassAttendance(IDbContextFactory<LearningDbContext> contexts, ClassChanges changes, ILogger<ClassAttendance> log)
{
    /// <summary>After this long past the start, scanning marks her late rather than present.</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(15);

    public async Task<ClassRead<AttendanceSheet>> SheetAsync(string? actorId, int sessionId, CancellationToken ct)
    {
        int? classId;
        await using (var lookup = await contexts.CreateDbContextAsync(ct))
            classId = await ClassSchedule.ClassOfSession(lookup, sessionId, ct);
        if (classId is null)
            return ClassRead<AttendanceSheet>.NotFound;
        return await changes.ReadAsync<AttendanceSheet>(actorId, classId.Value, async (db, _) =>
        {
            var session = await db.Set<ClassSession>().AsNoTracking().Where(s => s.Id == sessionId)
                .Join(db.Set<Classroom>(), s => s.ClassId, c => c.Id, (s, c) => new { s.StartsAt, s.Minutes, s.Topic, c.Name })
                .FirstAsync(ct);
            var rows = await (from m in db.Set<ClassMember>().AsNoTracking()
                              where m.ClassId == classId
                              join u in db.Users on m.UserId equals u.Id
                              join a in db.Set<AttendanceMark>().Where(a => a.SessionId == sessionId) on m.UserId equals a.UserId into marks
                              from a in marks.DefaultIfEmpty()
                              select new AttendanceRow(u.Id, u.DisplayName, u.UserName ?? "", a == null ? null : a.Status,
                                  a == null ? null : a.Note, a != null && a.MarkedById == null))
                .ToListAsync(ct);
            return new AttendanceSheet(sessionId, classId.Value, session.Name, session.StartsAt, session.Minutes, session.Topic,
                rows.OrderBy(r => r.DisplayName, StringComparer.CurrentCulture).ToList());
        }, ct);
    }

    /// <summary>Sets (or, with a null status, clears) a member's mark and note for the session.</summary>
    public Task<ClassResult> MarkAsync(string? actorId, int sessionId, string userId, AttendanceStatus? status, string? note,
        CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassSchedule.ClassOfSession(db, sessionId, ct), "mark attendance", async (db, actor) =>
        {
            var cleanNote = ClassText.Optional(note);
            if (cleanNote?.Length > AttendanceMark.MaxNote)
                return new ClassResult.Refused(ClassReasons.NoteTooLong);
            if (status is { } s && !Enum.IsDefined(s))
                return new ClassResult.Refused(ClassReasons.Failed);
            var classId = await ClassSchedule.ClassOfSession(db, sessionId, ct);
            if (!await db.Set<ClassMember>().AnyAsync(m => m.ClassId == classId && m.UserId == userId, ct))
                return new ClassResult.Refused(ClassReasons.NotAMember);
            if (status is null)
            {
                // Removed through the change tracker, so the ward's attendance figures see it (WardStats).
                if (await db.Set<AttendanceMark>().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.UserId == userId, ct) is { } mark)
                {
                    db.Remove(mark);
                    await db.SaveChangesAsync(ct);
                }
                return ClassResult.Ok;
            }
            await UpsertAsync(db, sessionId, userId, mark =>
            {
                mark.Status = status.Value;
                mark.Note = cleanNote;
                mark.MarkedById = actor.UserId;
                return true;
            }, ct);
            return ClassResult.Ok;
        }, ct);

    /// <summary>The code for the session's QR now; only the class's trainers (and admins) may show it.</summary>
    public async Task<ClassRead<AttendanceQr>> QrAsync(string? actorId, int sessionId, CancellationToken ct)
    {
        int? classId;
        await using (var lookup = await contexts.CreateDbContextAsync(ct))
            classId = await ClassSchedule.ClassOfSession(lookup, sessionId, ct);
        if (classId is null)
            return ClassRead<AttendanceQr>.NotFound;
        return await changes.ReadAsync<AttendanceQr>(actorId, classId.Value, async (db, _) =>
        {
            var secret = await db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.AttendanceSecret).FirstAsync(ct);
            var now = changes.Clock.GetUtcNow();
            return new AttendanceQr(sessionId, classId.Value, AttendanceCodes.Current(secret, sessionId, now), AttendanceCodes.NextChange(now));
        }, ct);
    }

    /// <summary>
    /// She scanned the session's QR: marks her present (late after <see cref="LateAfter"/>). A trainer's mark other
    /// than absent stands (she may have been excused, or marked late already).
    /// </summary>
    public Task<SelfMarkResult> SelfMarkAsync(string userId, int sessionId, string? code, CancellationToken ct) =>
        MarkSelfAsync(userId, sessionId, (secret, now) => AttendanceCodes.IsValid(secret, sessionId, code, now), null, ct);

    /// <summary>
    /// She scanned a valid code at <paramref name="scannedAt"/> while signed out, and comes back signed in with the
    /// proof (the web layer's signed pass, bound to the browser that scanned): marks her as of the scan, within
    /// <see cref="ScanPassLifetime"/>. The pass (<paramref name="passId"/>) is used once: opened again by her it shows
    /// her mark, by anyone else it marks nobody.
    /// </summary>
    public Task<SelfMarkResult> SelfMarkScannedAsync(string userId, int sessionId, DateTimeOffset scannedAt, string passId, CancellationToken ct) =>
        MarkSelfAsync(userId, sessionId, (_, now) => scannedAt <= now && now - scannedAt <= ScanPassLifetime, scannedAt, ct, passId);

    /// <summary>How long a resident who scanned while signed out has to sign in (an older resident may need a while).</summary>
    public static readonly TimeSpan ScanPassLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Whether <paramref name="code"/> is the session's current (or previous) code: false for no such session.</summary>
    public async Task<bool> IsCurrentCodeAsync(int sessionId, string? code, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var secret = await db.Set<ClassSession>().Where(s => s.Id == sessionId)
            .Join(db.Set<Classroom>(), s => s.ClassId, c => c.Id, (_, c) => c.AttendanceSecret).FirstOrDefaultAsync(ct);
        return secret is not null && AttendanceCodes.IsValid(secret, sessionId, code, changes.Clock.GetUtcNow());
    }

    private async Task<SelfMarkResult> MarkSelfAsync(string userId, int sessionId, Func<byte[], DateTimeOffset, bool> verify,
        DateTimeOffset? at, CancellationToken ct, string? passId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.Set<ClassSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Join(db.Set<Classroom>(), s => s.ClassId, c => c.Id, (s, c) => new
            {
                s.ClassId, s.StartsAt, c.Name, c.AttendanceSecret,
                IsMember = c.Members.Any(m => m.UserId == userId),
            })
            .FirstOrDefaultAsync(ct);
        if (session is null)
            return new SelfMarkResult.NotFound();
        var now = changes.Clock.GetUtcNow();
        if (!verify(session.AttendanceSecret, now))
        {
            log.LogInformation("Refused a self-mark by {UserId} for session {SessionId}: code not current", userId, sessionId);
            return new SelfMarkResult.CodeExpired();
        }
        if (!session.IsMember)
            return new SelfMarkResult.NotAMember(session.Name);
        if (passId is not null && !await UsePassAsync(db, passId, sessionId, userId, ct))
        {
            log.LogWarning("Refused a self-mark by {UserId} for session {SessionId}: the pass already marked someone else", userId, sessionId);
            return new SelfMarkResult.PassUsed();
        }
        var status = (at ?? now).UtcDateTime > session.StartsAt + LateAfter ? AttendanceStatus.Late : AttendanceStatus.Present;
        var (kept, changed) = (false, true);
        await UpsertAsync(db, sessionId, userId, mark =>
        {
            if (mark.Id != 0 && mark.Status != AttendanceStatus.Absent)
            {
                kept = mark.MarkedById is not null; // a trainer's mark stood; her own earlier scan is simply her mark
                changed = false;
                status = mark.Status;
                return false;
            }
            mark.Status = status;
            mark.MarkedById = null;
            return true;
        }, ct);
        if (changed)
            await changes.TouchAsync(db, session.ClassId, ct);
        return new SelfMarkResult.Marked(session.ClassId, session.Name, status, kept);
    }

    /// <summary>
    /// Records that the pass marked her; false when it already marked someone else. The primary key decides a race:
    /// two accounts using one pass at the same moment, one of them wins.
    /// </summary>
    private async Task<bool> UsePassAsync(LearningDbContext db, string passId, int sessionId, string userId, CancellationToken ct)
    {
        var usedBy = await db.Set<AttendancePassUse>().AsNoTracking().Where(p => p.PassId == passId).Select(p => p.UserId).FirstOrDefaultAsync(ct);
        if (usedBy is not null)
            return usedBy == userId;
        db.Add(new AttendancePassUse { PassId = passId, SessionId = sessionId, UserId = userId, UsedAt = changes.Clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<AttendancePassUse>().AsNoTracking().AnyAsync(p => p.PassId == passId && p.UserId == userId, ct);
        }
    }

    /// <summary>Inserts or changes her mark; the unique index turns a racing second insert into an update.</summary>
    private async Task UpsertAsync(LearningDbContext db, int sessionId, string userId, Func<AttendanceMark, bool> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mark = await db.Set<AttendanceMark>().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.UserId == userId, ct)
                ?? new AttendanceMark { SessionId = sessionId, UserId = userId };
            if (!change(mark))
                return;
            mark.MarkedAt = changes.Clock.GetUtcNow().UtcDateTime;
            if (mark.Id == 0)
                db.Add(mark);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
