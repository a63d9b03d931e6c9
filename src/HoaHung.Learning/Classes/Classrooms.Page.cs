using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

public sealed partial class Classrooms
{
    /// <summary>The class page: details, trainers, sessions, groups, members and assignments (six small queries).</summary>
    public Task<ClassRead<ClassPage>> PageAsync(string? actorId, int classId, CancellationToken ct) =>
        changes.ReadAsync<ClassPage>(actorId, classId, async (db, _) =>
        {
            var room = await db.Set<Classroom>().AsNoTracking().Where(c => c.Id == classId)
                .Select(c => new { c.Id, c.Name, c.Neighbourhood, c.Place, c.Archived, c.JoinCode, c.JoinClosed, c.Version })
                .FirstOrDefaultAsync(ct);
            if (room is null)
                return null;
            var trainers = await db.Set<ClassTrainer>().AsNoTracking().Where(t => t.ClassId == classId)
                .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => new PersonView(u.Id, u.DisplayName, u.UserName ?? ""))
                .ToListAsync(ct);
            var sessions = await db.Set<ClassSession>().AsNoTracking().Where(s => s.ClassId == classId).OrderBy(s => s.StartsAt)
                .Select(s => new SessionView(s.Id, s.StartsAt, s.Minutes, s.Topic)).ToListAsync(ct);
            var groups = await db.Set<ClassGroup>().AsNoTracking().Where(g => g.ClassId == classId).OrderBy(g => g.Name)
                .Select(g => new GroupView(g.Id, g.Name)).ToListAsync(ct);
            var members = await db.Set<ClassMember>().AsNoTracking().Where(m => m.ClassId == classId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberView(u.Id, u.DisplayName, u.UserName ?? "", m.GroupId,
                    m.JoinedAt, u.MustChangePassword, m.AddedById != null, m.AddedById != null && u.ClaimedAt == null))
                .ToListAsync(ct);
            return new ClassPage(room.Id, room.Name, room.Neighbourhood, room.Place, room.Archived, room.JoinCode, room.JoinClosed,
                room.Version, trainers.OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList(), sessions, groups,
                members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ToList(), await AssignmentsAsync(db, classId, ct));
        }, ct);

    /// <summary>What can be assigned: published lessons, quizzes (published lessons with a quiz) and learning paths.</summary>
    public async Task<IReadOnlyList<Assignable>> AssignableAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lessons = await db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published)
            .OrderBy(l => l.Title).Select(l => new { l.Slug, l.Title, HasQuiz = l.QuizTitle != null }).ToListAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => !p.IsDraft).OrderBy(p => p.Order)
            .Select(p => new Assignable(p.Slug, p.Title, AssignmentKind.Path)).ToListAsync(ct);
        return [.. paths, .. lessons.Select(l => new Assignable(l.Slug, l.Title, AssignmentKind.Lesson)),
            .. lessons.Where(l => l.HasQuiz).Select(l => new Assignable(l.Slug, l.Title, AssignmentKind.Quiz))];
    }

    internal static async Task<List<AssignmentView>> AssignmentsAsync(Data.LearningDbContext db, int classId, CancellationToken ct)
    {
        var rows = await (from a in db.Set<ClassAssignment>().AsNoTracking()
                          where a.ClassId == classId
                          join l in db.Lessons on a.LessonId equals (int?)l.Id into lessons
                          from l in lessons.DefaultIfEmpty()
                          join p in db.LearningPaths on a.PathId equals (int?)p.Id into paths
                          from p in paths.DefaultIfEmpty()
                          orderby a.Position, a.Id
                          select new
                          {
                              a.Id, a.Kind, a.GroupId, a.DueOn, a.Position,
                              LessonSlug = l == null ? null : l.Slug, LessonTitle = l == null ? null : l.Title,
                              PathSlug = p == null ? null : p.Slug, PathTitle = p == null ? null : p.Title,
                          }).ToListAsync(ct);
        return rows.Select(r => new AssignmentView(r.Id, r.Kind, r.PathSlug ?? r.LessonSlug ?? "",
                (r.Kind == AssignmentKind.Path ? r.PathTitle : r.LessonTitle) ?? "",
                r.GroupId, r.DueOn, r.Position))
            .ToList();
    }
}
