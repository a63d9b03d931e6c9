using HoaHung.Learning.Catalog;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Packs;

public sealed partial class PackExporter
{
    /// <summary>
    /// The public learning paths a lesson or topic pack carries along: those whose published lessons are all in the
    /// pack, 2–30 of them (content/README.md), each with its lessons in order. A draft path never leaves the site.
    /// </summary>
    private async Task<List<(LearningPath Path, List<int> LessonIds)>> PathsWithinAsync(List<int> ids, CancellationToken ct)
    {
        var candidates = await db.PathLessons.AsNoTracking().Where(pl => ids.Contains(pl.LessonId)).Select(pl => pl.PathId).Distinct().ToListAsync(ct);
        if (candidates.Count == 0)
            return [];
        var rows = await db.PathLessons.AsNoTracking()
            .Where(pl => candidates.Contains(pl.PathId) && pl.Lesson.Status == LessonStatus.Published && pl.Lesson.PublishedRevisionId != null)
            .Select(pl => new { pl.PathId, pl.LessonId, pl.Position }).ToListAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => candidates.Contains(p.Id) && !p.IsDraft).OrderBy(p => p.Order).ToListAsync(ct);
        return [.. paths
            .Select(p => (p, rows.Where(r => r.PathId == p.Id).OrderBy(r => r.Position).Select(r => r.LessonId).ToList()))
            .Where(x => x.Item2.Count is >= 2 and <= 30 && x.Item2.All(ids.Contains))];
    }
}
