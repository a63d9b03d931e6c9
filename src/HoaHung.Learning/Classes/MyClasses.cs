using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>A class in "Của tôi": where and when it meets next, and what she was given, with due days.</summary>
public sealed record MyClass(int Id, string Name, string JoinCode, string? Place, DateTime? NextSessionAt, IReadOnlyList<MyAssignment> Assignments);

/// <summary>An assignment for her, with her own state in it; <see cref="Overdue"/> when past due and not done.</summary>
public sealed record MyAssignment(AssignmentKind Kind, string Slug, string Title, DateOnly? DueOn, GridCell Cell, bool Overdue);

/// <summary>
/// A learner's own classes (only hers: the user id comes from her authenticated principal). A context of its own: on
/// "Của tôi" its section renders while the page's own queries are still running on the request's context.
/// </summary>
public sealed class MyClasses(IDbContextFactory<LearningDbContext> contexts, TimeProvider clock, LearnerChanges changes) : IDisposable
{
    // Which classes she is in, held per learner (most are in none, and then "Của tôi" asks nothing more); forgotten
    // through LearnerChanges when she joins or is taken out of one.
    private readonly PerLearner<List<int>> memberOf = new(changes, 20_000);

    private static readonly PerModel<Func<LearningDbContext, string, IAsyncEnumerable<int>>> ClassIds = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId) => db.Set<ClassMember>().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.ClassId)));

    private sealed record Joining(int Id, string Name, string JoinCode, string? Place, int? GroupId, DateTime JoinedAt, DateTime? Next);

    // Compiled once: asked on every view of "Của tôi", mostly by learners in no class.
    private static readonly PerModel<Func<LearningDbContext, string, DateTime, IAsyncEnumerable<Joining>>> Joined = new(() => EF.CompileAsyncQuery(
        (LearningDbContext db, string userId, DateTime since) => db.Set<ClassMember>().AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Set<Classroom>(), m => m.ClassId, c => c.Id, (m, c) => new { m, c })
            .Where(x => !x.c.Archived)
            .Select(x => new Joining(x.c.Id, x.c.Name, x.c.JoinCode, x.c.Place, x.m.GroupId, x.m.JoinedAt,
                x.c.Sessions.Where(s => s.StartsAt >= since).OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefault()))));

    public async Task<IReadOnlyList<MyClass>> ForLearnerAsync(string userId, CancellationToken ct)
    {
        var ids = await memberOf.GetAsync(userId, async token =>
        {
            await using var context = await contexts.CreateDbContextAsync(token);
            return await ClassIds.For(context)(context, userId).ToListAsync(token);
        }, ct);
        if (ids.Count == 0)
            return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-3);
        var classes = await Joined.For(db)(db, userId, since).ToListAsync(ct);
        if (classes.Count == 0)
            return [];
        var memberships = db.Set<ClassMember>().Where(m => m.UserId == userId);
        var assignments = await GridFacts.AssignmentsAsync(db, memberships.Select(m => m.ClassId), ct);
        var pathLessons = await GridFacts.PathLessonsAsync(db, assignments, ct);
        var facts = await GridFacts.LoadAsync(db, db.Users.Where(u => u.Id == userId).Select(u => u.Id),
            GridFacts.LessonIds(assignments, pathLessons), ct);
        var today = WardTime.Today(clock);
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

    public void Dispose() => memberOf.Dispose();
}
