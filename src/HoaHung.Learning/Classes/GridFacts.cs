using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Classes;

/// <summary>An assignment with the ids the grid needs.</summary>
internal sealed record AssignmentRow(int Id, int ClassId, AssignmentKind Kind, int? LessonId, int? PathId, int? GroupId, DateOnly? DueOn,
    int Position, string Slug, string Title);

/// <summary>
/// The queries behind the live grid, "Của tôi" and the report: a fixed number of set-based queries whatever the
/// number of learners and assignments (no query per learner or per cell).
/// </summary>
internal static class GridFacts
{
    public static async Task<List<AssignmentRow>> AssignmentsAsync(LearningDbContext db, IQueryable<int> classIds, CancellationToken ct)
    {
        var rows = await (from a in db.Set<ClassAssignment>().AsNoTracking()
                          where classIds.Contains(a.ClassId)
                          join l in db.Lessons on a.LessonId equals (int?)l.Id into lessons
                          from l in lessons.DefaultIfEmpty()
                          join p in db.LearningPaths on a.PathId equals (int?)p.Id into paths
                          from p in paths.DefaultIfEmpty()
                          orderby a.ClassId, a.Position, a.Id
                          select new
                          {
                              a.Id, a.ClassId, a.Kind, a.LessonId, a.PathId, a.GroupId, a.DueOn, a.Position,
                              Slug = p != null ? p.Slug : l != null ? l.Slug : "",
                              Title = p != null ? p.Title : l != null ? l.Title : "",
                          }).ToListAsync(ct);
        return rows.Select(r => new AssignmentRow(r.Id, r.ClassId, r.Kind, r.LessonId, r.PathId, r.GroupId, r.DueOn, r.Position, r.Slug, r.Title))
            .ToList();
    }

    /// <summary>The published lessons of each assigned path, in order.</summary>
    public static async Task<ILookup<int, int>> PathLessonsAsync(LearningDbContext db, IReadOnlyCollection<AssignmentRow> assignments,
        CancellationToken ct)
    {
        var pathIds = assignments.Where(a => a.PathId is not null).Select(a => a.PathId!.Value).Distinct().ToList();
        if (pathIds.Count == 0)
            return Array.Empty<int>().ToLookup(_ => 0);
        var rows = await db.PathLessons.AsNoTracking()
            .Where(pl => pathIds.Contains(pl.PathId) && pl.Lesson.Status == LessonStatus.Published)
            .OrderBy(pl => pl.Position).Select(pl => new { pl.PathId, pl.LessonId }).ToListAsync(ct);
        return rows.ToLookup(r => r.PathId, r => r.LessonId);
    }

    /// <summary>Every (learner, lesson) fact for the given learners and lessons, in three queries.</summary>
    public static async Task<Dictionary<(string UserId, int LessonId), LessonFacts>> LoadAsync(LearningDbContext db, IQueryable<string> users,
        IReadOnlyCollection<int> lessonIds, CancellationToken ct)
    {
        var result = new Dictionary<(string, int), LessonFacts>();
        if (lessonIds.Count == 0)
            return result;
        var ids = lessonIds.ToList();
        var progress = await db.Set<LessonProgress>().AsNoTracking()
            .Where(p => users.Contains(p.UserId) && ids.Contains(p.LessonId))
            .Select(p => new { p.UserId, p.LessonId, Completed = p.CompletedAt != null })
            .ToListAsync(ct);
        var attempts = db.Set<QuizAttempt>().AsNoTracking().Where(a => a.UserId != null && users.Contains(a.UserId!) && ids.Contains(a.LessonId));
        var quizzes = await attempts.GroupBy(a => new { a.UserId, a.LessonId })
            .Select(g => new
            {
                g.Key.UserId,
                g.Key.LessonId,
                Finished = g.Count(a => a.FinishedAt != null),
                Failed = g.Count(a => a.FinishedAt != null && !a.Passed),
                Passed = g.Any(a => a.FinishedAt != null && a.Passed),
                Best = g.Where(a => a.FinishedAt != null).Max(a => (int?)a.ScorePercent),
                Open = g.Any(a => a.Open == true),
            })
            .ToListAsync(ct);
        // Narrow rows (three small columns); kept in memory only to find each learner's latest answers.
        var answers = (await db.Set<QuizAnswer>().AsNoTracking()
                .Join(attempts, x => x.AttemptId, a => a.Id, (x, a) => new { a.UserId, a.LessonId, x.AnsweredAt, x.Correct })
                .ToListAsync(ct))
            .GroupBy(x => (x.UserId!, x.LessonId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<bool>)g.OrderBy(x => x.AnsweredAt).Select(x => x.Correct).ToList());

        foreach (var p in progress)
            result[(p.UserId, p.LessonId)] = new LessonFacts(true, p.Completed, null);
        foreach (var q in quizzes)
        {
            var key = (q.UserId!, q.LessonId);
            var facts = result.GetValueOrDefault(key) ?? LessonFacts.None;
            result[key] = facts with
            {
                Quiz = new QuizFacts(q.Finished, q.Failed, q.Passed, q.Best, q.Open, answers.GetValueOrDefault(key) ?? []),
            };
        }
        return result;
    }

    /// <summary>The lessons whose facts a set of assignments needs.</summary>
    public static HashSet<int> LessonIds(IEnumerable<AssignmentRow> assignments, ILookup<int, int> pathLessons)
    {
        var ids = new HashSet<int>();
        foreach (var a in assignments)
        {
            if (a.LessonId is { } lesson)
                ids.Add(lesson);
            if (a.PathId is { } path)
                ids.UnionWith(pathLessons[path]);
        }
        return ids;
    }

    /// <summary>One learner's cell for one assignment (not assigned when it is for another group).</summary>
    public static GridCell Cell(AssignmentRow a, string userId, int? groupId, ILookup<int, int> pathLessons,
        IReadOnlyDictionary<(string, int), LessonFacts> facts)
    {
        if (a.GroupId is { } g && g != groupId)
            return GridCell.NotAssigned;
        LessonFacts Of(int lessonId) => facts.GetValueOrDefault((userId, lessonId)) ?? LessonFacts.None;
        return a.Kind switch
        {
            AssignmentKind.Path when a.PathId is { } path => GridRules.Path(pathLessons[path].Select(Of).ToList()),
            AssignmentKind.Quiz when a.LessonId is { } lesson => GridRules.Quiz(Of(lesson)),
            _ when a.LessonId is { } lesson => GridRules.Lesson(Of(lesson)),
            _ => GridCell.NotStarted,
        };
    }
}
