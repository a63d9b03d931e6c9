using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>An assignment as a column of the grid.</summary>
public sealed record GridColumn(int AssignmentId, AssignmentKind Kind, string Slug, string Title, int? GroupId, DateOnly? DueOn);

/// <summary>A learner as a row: one cell per column, and whether she needs help anywhere.</summary>
public sealed record GridRow(string UserId, string DisplayName, string UserName, int? GroupId, IReadOnlyList<GridCell> Cells)
{
    public bool NeedsHelp => Cells.Any(c => c.NeedsHelp);
}

/// <summary>
/// The live grid: learners × assignments. <see cref="Version"/> is the class activity version read before the data,
/// so a change made while the grid loads is never missed (it shows up as a newer version).
/// </summary>
public sealed record GridView(int ClassId, string Version, IReadOnlyList<GroupView> Groups, IReadOnlyList<GridColumn> Columns,
    IReadOnlyList<GridRow> Rows);

/// <summary>The trainer's live grid of who has done what (see <see cref="GridRules"/> for the cells and "cần giúp").</summary>
public sealed class ClassGrid(ClassChanges changes, ClassActivity activity)
{
    /// <summary>
    /// The grid in a fixed number of queries whatever the class size: two for access, then the version,
    /// assignments, path lessons, members, groups, progress, quiz attempts and answers.
    /// </summary>
    public Task<ClassRead<GridView>> LoadAsync(string? actorId, int classId, CancellationToken ct) =>
        changes.ReadAsync<GridView>(actorId, classId, async (db, _) =>
        {
            if (await activity.VersionAsync(db, classId, ct) is not { } version)
                return null;
            var classIds = db.Set<Classroom>().Where(c => c.Id == classId).Select(c => c.Id);
            var assignments = await GridFacts.AssignmentsAsync(db, classIds, ct);
            var pathLessons = await GridFacts.PathLessonsAsync(db, assignments, ct);
            var members = db.Set<ClassMember>().Where(m => m.ClassId == classId);
            var people = await members.AsNoTracking()
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.UserName, m.GroupId })
                .ToListAsync(ct);
            var groups = await db.Set<ClassGroup>().AsNoTracking().Where(g => g.ClassId == classId).OrderBy(g => g.Name)
                .Select(g => new GroupView(g.Id, g.Name)).ToListAsync(ct);
            var facts = await GridFacts.LoadAsync(db, members.Select(m => m.UserId), GridFacts.LessonIds(assignments, pathLessons), ct);
            var rows = people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ThenBy(p => p.UserName)
                .Select(p => new GridRow(p.Id, p.DisplayName, p.UserName ?? "", p.GroupId,
                    assignments.Select(a => GridFacts.Cell(a, p.Id, p.GroupId, pathLessons, facts)).ToList()))
                .ToList();
            var columns = assignments.Select(a => new GridColumn(a.Id, a.Kind, a.Slug, a.Title, a.GroupId, a.DueOn)).ToList();
            return new GridView(classId, version, groups, columns, rows);
        }, ct);
}
