using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>The class report for the ward: learners, attendance per session, each assignment's completion and quiz score.</summary>
public sealed record ClassReport(int ClassId, string ClassName, string? Neighbourhood, string? Place, DateTime GeneratedAt,
    IReadOnlyList<SessionView> Sessions, IReadOnlyList<GridColumn> Assignments, IReadOnlyList<GroupView> Groups, IReadOnlyList<ReportRow> Rows);

/// <summary>One learner's line: her mark per session (null when unmarked) and her cell per assignment.</summary>
public sealed record ReportRow(string DisplayName, string UserName, int? GroupId, IReadOnlyList<AttendanceStatus?> Attendance,
    IReadOnlyList<GridCell> Cells)
{
    public int Attended => Attendance.Count(a => a is AttendanceStatus.Present or AttendanceStatus.Late);
    public bool NeedsHelp => Cells.Any(c => c.NeedsHelp);

    /// <summary>Her khu phố, as on her account (bulk accounts take the class's).</summary>
    public string? Neighbourhood { get; init; }
}

/// <summary>Builds the report from the grid plus one query for the sessions and one for their marks.</summary>
public sealed class ClassReports(ClassGrid grid, IDbContextFactory<LearningDbContext> contexts, ClassChanges changes)
{
    public async Task<ClassRead<ClassReport>> BuildAsync(string? actorId, int classId, CancellationToken ct)
    {
        var loaded = await grid.LoadAsync(actorId, classId, ct);
        if (loaded is not ClassRead<GridView>.Found { Value: var view })
            return new ClassRead<ClassReport>.Refused(((ClassRead<GridView>.Refused)loaded).ReasonKey);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var room = await db.Set<Classroom>().AsNoTracking().Where(c => c.Id == classId)
            .Select(c => new { c.Name, c.Neighbourhood, c.Place }).FirstOrDefaultAsync(ct);
        if (room is null)
            return ClassRead<ClassReport>.NotFound;
        var sessions = await db.Set<ClassSession>().AsNoTracking().Where(s => s.ClassId == classId).OrderBy(s => s.StartsAt)
            .Select(s => new SessionView(s.Id, s.StartsAt, s.Minutes, s.Topic)).ToListAsync(ct);
        var marks = (await db.Set<AttendanceMark>().AsNoTracking()
                .Where(a => db.Set<ClassSession>().Any(s => s.Id == a.SessionId && s.ClassId == classId))
                .Select(a => new { a.SessionId, a.UserId, a.Status }).ToListAsync(ct))
            .ToDictionary(a => (a.SessionId, a.UserId), a => a.Status);
        var memberIds = view.Rows.Select(r => r.UserId).ToList();
        var neighbourhoods = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Neighbourhood }).ToDictionaryAsync(u => u.Id, u => u.Neighbourhood, ct);
        var rows = view.Rows.Select(r => new ReportRow(r.DisplayName, r.UserName, r.GroupId,
                sessions.Select(s => marks.TryGetValue((s.Id, r.UserId), out var status) ? status : (AttendanceStatus?)null).ToList(),
                r.Cells) { Neighbourhood = neighbourhoods.GetValueOrDefault(r.UserId) })
            .ToList();
        return new ClassRead<ClassReport>.Found(new ClassReport(classId, room.Name, room.Neighbourhood, room.Place,
            changes.Clock.GetUtcNow().UtcDateTime, sessions, view.Columns, view.Groups, rows));
    }
}
