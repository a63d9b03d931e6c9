using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>A class in "Của tôi": where and when it meets next, and what she was given, with due days.</summary>
public sealed record MyClass(int Id, string Name, string JoinCode, string? Place, DateTime? NextSessionAt, IReadOnlyList<MyAssignment> Assignments);

/// <summary>An assignment for her, with her own state in it; <see cref="Overdue"/> when past due and not done.</summary>
public sealed record MyAssignment(AssignmentKind Kind, string Slug, string Title, DateOnly? DueOn, GridCell Cell, bool Overdue);

/// <summary>
/// A learner's own classes (only hers: the user id comes from her authenticated principal). Scoped: read on her own
/// static pages ("Của tôi", joining), with the request's context and its open connection.
/// </summary>
public sealed class MyClasses(LearningDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyClass>> ForLearnerAsync(string userId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-3);
        var memberships = db.Set<ClassMember>().Where(m => m.UserId == userId);
        var classes = await memberships.AsNoTracking()
            .Join(db.Set<Classroom>(), m => m.ClassId, c => c.Id, (m, c) => new
            {
                c.Id, c.Name, c.JoinCode, c.Place, c.Archived, m.GroupId, m.JoinedAt,
                Next = c.Sessions.Where(s => s.StartsAt >= since).OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefault(),
            })
            .Where(c => !c.Archived)
            .ToListAsync(ct);
        if (classes.Count == 0)
            return [];
        var assignments = await GridFacts.AssignmentsAsync(db, memberships.Select(m => m.ClassId), ct);
        var pathLessons = await GridFacts.PathLessonsAsync(db, assignments, ct);
        var facts = await GridFacts.LoadAsync(db, db.Users.Where(u => u.Id == userId).Select(u => u.Id),
            GridFacts.LessonIds(assignments, pathLessons), ct);
        var today = ClassTime.Today(clock);
        var byClass = assignments.ToLookup(a => a.ClassId);
        return classes.OrderBy(c => c.Next ?? DateTime.MaxValue).ThenByDescending(c => c.JoinedAt)
            .Select(c => new MyClass(c.Id, c.Name, c.JoinCode, c.Place, c.Next, byClass[c.Id]
                .Where(a => a.GroupId is null || a.GroupId == c.GroupId)
                .Select(a =>
                {
                    var cell = GridFacts.Cell(a, userId, c.GroupId, pathLessons, facts);
                    return new MyAssignment(a.Kind, a.Slug, a.Title, a.DueOn, cell, a.DueOn < today && cell.State != CellState.Done);
                })
                .OrderBy(a => a.Cell.State == CellState.Done).ThenBy(a => a.DueOn ?? DateOnly.MaxValue)
                .ToList()))
            .ToList();
    }
}
