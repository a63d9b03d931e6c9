using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>Lessons, paths and quizzes given to a class or a group, with optional due days.</summary>
public sealed class ClassAssignments(ClassChanges changes)
{
    public Task<ClassResult> AddAsync(string? actorId, int classId, AssignmentForm form, CancellationToken ct) =>
        changes.RunAsync(actorId, classId, "assign", async (db, _) =>
        {
            var slug = (form.Slug ?? "").Trim();
            if (slug.Length is 0 or > 200 || !Enum.IsDefined(form.Kind))
                return new ClassResult.Refused(ClassReasons.AssignmentInvalid);
            if (form.GroupId is { } g && !await db.Set<ClassGroup>().AnyAsync(x => x.Id == g && x.ClassId == classId, ct))
                return new ClassResult.Refused(ClassReasons.GroupInvalid);
            int? lessonId = null, pathId = null;
            if (form.Kind == AssignmentKind.Path)
                pathId = await db.LearningPaths.Where(p => p.Slug == slug && !p.IsDraft).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            else
                lessonId = await db.Lessons.Where(l => l.Slug == slug && l.Status == LessonStatus.Published
                        && (form.Kind == AssignmentKind.Lesson || l.QuizTitle != null))
                    .Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
            if (lessonId is null && pathId is null)
                return new ClassResult.Refused(ClassReasons.AssignmentInvalid);
            var existing = await db.Set<ClassAssignment>().Where(a => a.ClassId == classId).ToListAsync(ct);
            if (existing.Any(a => a.Kind == form.Kind && a.LessonId == lessonId && a.PathId == pathId && a.GroupId == form.GroupId))
                return new ClassResult.Refused(ClassReasons.AlreadyAssigned);
            var assignment = new ClassAssignment
            {
                ClassId = classId,
                Kind = form.Kind,
                LessonId = lessonId,
                PathId = pathId,
                GroupId = form.GroupId,
                DueOn = form.DueOn,
                Position = existing.Count == 0 ? 1 : existing.Max(a => a.Position) + 1,
                CreatedAt = changes.Clock.GetUtcNow().UtcDateTime,
            };
            db.Add(assignment);
            await db.SaveChangesAsync(ct);
            return new ClassResult.Created(assignment.Id);
        }, ct);

    public Task<ClassResult> SetDueAsync(string? actorId, int assignmentId, DateOnly? dueOn, CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassOf(db, assignmentId, ct), "set due day", async (db, _) =>
        {
            await db.Set<ClassAssignment>().Where(a => a.Id == assignmentId).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, dueOn), ct);
            return ClassResult.Ok;
        }, ct);

    public Task<ClassResult> RemoveAsync(string? actorId, int assignmentId, CancellationToken ct) =>
        changes.RunOnAsync(actorId, db => ClassOf(db, assignmentId, ct), "remove assignment", async (db, _) =>
        {
            await db.Set<ClassAssignment>().Where(a => a.Id == assignmentId).ExecuteDeleteAsync(ct);
            return ClassResult.Ok;
        }, ct);

    private static Task<int?> ClassOf(Data.LearningDbContext db, int assignmentId, CancellationToken ct) =>
        db.Set<ClassAssignment>().Where(a => a.Id == assignmentId).Select(a => (int?)a.ClassId).FirstOrDefaultAsync(ct);
}
