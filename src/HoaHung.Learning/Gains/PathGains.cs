using HoaHung.Learning.Catalog;
using HoaHung.Learning.Classes;
using HoaHung.Learning.Data;
using HoaHung.Learning.Progress;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Gains;

/// <summary>Where a learner stands with a path's entry test, as the path page offers it.</summary>
public enum EntryTestStep
{
    /// <summary>No entry test, or nothing to offer her (she began the path before taking it).</summary>
    None,

    /// <summary>She has finished none of the path's lessons: "Làm bài kiểm tra đầu vào".</summary>
    Before,

    /// <summary>She took it before and is learning the path.</summary>
    Learning,

    /// <summary>She took it before and has finished every lesson: take it again.</summary>
    After,

    /// <summary>She took it before and after.</summary>
    Done,
}

public sealed record EntryTestState(EntryTestStep Step, int? BeforePercent, int? AfterPercent);

/// <summary>Her scores on the entry test of one path, for the quiz's result page.</summary>
public sealed record GainStanding(string PathSlug, string PathTitle, int BeforePercent, int? AfterPercent, int LessonsLeft);

/// <summary>
/// Reads of the entry tests' gains (issue 22 item 3): a learner's state on a path, her standing after a test, and the
/// per-path figures of the ward and of a class, always from <see cref="PathGain"/> rows. Singleton: a context per call.
/// </summary>
public sealed class PathGains(IDbContextFactory<LearningDbContext> contexts)
{
    /// <summary>The path's published lessons other than its entry test, and how many of them she has finished.</summary>
    internal static async Task<(int Total, int Done)> LessonsDoneAsync(LearningDbContext db, int pathId, int testId, string userId,
        CancellationToken ct)
    {
        var lessons = db.PathLessons.Where(pl => pl.PathId == pathId && pl.LessonId != testId && pl.Lesson.Status == LessonStatus.Published)
            .Select(pl => pl.LessonId);
        var total = await lessons.CountAsync(ct);
        var done = await db.Set<LessonProgress>()
            .CountAsync(p => p.UserId == userId && p.CompletedAt != null && lessons.Contains(p.LessonId), ct);
        return (total, done);
    }

    /// <summary>What the path page offers her; <see cref="EntryTestStep.None"/> when the path has no published entry test.</summary>
    public async Task<EntryTestState> StateAsync(int pathId, string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var testId = await db.LearningPaths.AsNoTracking().Where(p => p.Id == pathId && p.EntryTestId != null)
            .Where(p => db.Lessons.Any(l => l.Id == p.EntryTestId && l.Status == LessonStatus.Published))
            .Select(p => p.EntryTestId).FirstOrDefaultAsync(ct);
        if (testId is not { } test)
            return new EntryTestState(EntryTestStep.None, null, null);
        var row = await db.Set<PathGain>().AsNoTracking().Where(g => g.PathId == pathId && g.UserId == userId)
            .Select(g => new { g.BeforePercent, g.AfterPercent }).FirstOrDefaultAsync(ct);
        var (total, done) = await LessonsDoneAsync(db, pathId, test, userId, ct);
        if (row is null)
            return new EntryTestState(done == 0 ? EntryTestStep.Before : EntryTestStep.None, null, null);
        var step = row.AfterPercent is not null ? EntryTestStep.Done : total > 0 && done == total ? EntryTestStep.After : EntryTestStep.Learning;
        return new EntryTestState(step, row.BeforePercent, row.AfterPercent);
    }

    /// <summary>Her scores on every path whose entry test is this lesson, for the quiz's result page.</summary>
    public async Task<IReadOnlyList<GainStanding>> StandingsAsync(string lessonSlug, string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.LearningPaths.AsNoTracking()
            .Where(p => db.Lessons.Any(l => l.Id == p.EntryTestId && l.Slug == lessonSlug))
            .Join(db.Set<PathGain>().AsNoTracking().Where(g => g.UserId == userId), p => p.Id, g => g.PathId,
                (p, g) => new { p.Id, p.Slug, p.Title, p.Order, p.EntryTestId, g.BeforePercent, g.AfterPercent })
            .OrderBy(r => r.Order).ToListAsync(ct);
        var standings = new List<GainStanding>();
        foreach (var r in rows)
        {
            var (total, done) = await LessonsDoneAsync(db, r.Id, r.EntryTestId!.Value, userId, ct);
            standings.Add(new GainStanding(r.Slug, r.Title, r.BeforePercent, r.AfterPercent, total - done));
        }
        return standings;
    }

    /// <summary>The ward's figures: every path that has an entry test, over everyone who took it before and after.</summary>
    public Task<IReadOnlyList<GainFigure>> WardAsync(CancellationToken ct) => FiguresAsync(null, ct);

    /// <summary>A class's figures: the same, over its members only (a trainer's or admin's read: the caller checks access).</summary>
    public Task<IReadOnlyList<GainFigure>> ClassAsync(int classId, CancellationToken ct) => FiguresAsync(classId, ct);

    // Medians in memory over the path's paired rows (two ints each, read by the primary key's PathId prefix):
    // measured in docs/architecture.md §9 "Gains" against PostgreSQL's percentile_cont.
    private async Task<IReadOnlyList<GainFigure>> FiguresAsync(int? classId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => p.EntryTestId != null).OrderBy(p => p.Order)
            .Select(p => new { p.Id, p.Slug, p.Title }).ToListAsync(ct);
        var figures = new List<GainFigure>(paths.Count);
        foreach (var path in paths)
        {
            var rows = db.Set<PathGain>().AsNoTracking().Where(g => g.PathId == path.Id && g.AfterPercent != null);
            if (classId is { } id)
                rows = rows.Where(g => db.Set<ClassMember>().Any(m => m.ClassId == id && m.UserId == g.UserId));
            var pairs = await rows.Select(g => new { g.BeforePercent, After = g.AfterPercent!.Value }).ToListAsync(ct);
            figures.Add(GainMath.Figure(path.Slug, path.Title, pairs.Select(p => (p.BeforePercent, p.After)).ToList()));
        }
        return figures;
    }
}
