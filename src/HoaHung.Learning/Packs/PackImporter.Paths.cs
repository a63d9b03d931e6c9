using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Packs;

public sealed partial class PackImporter
{
    /// <summary>
    /// The pack's learning paths this site does not have, added as drafts (<see cref="LearningPath.IsDraft"/>: on no
    /// public page, in no class's choices and no certificate) holding the pack's lessons in the pack's order, like the
    /// pack's topics: the first lesson of one a reviewer publishes makes it public (<c>LessonPublisher</c>). A path this
    /// site already has is not touched: the pack's lessons join it at its end when published, as an author's choice does.
    /// The content reader has checked every path already (slug, title, 2–30 lessons of this pack, none twice).
    /// </summary>
    private async Task AddPathsAsync(ContentSet set, IReadOnlyDictionary<string, Lesson> lessons, HashSet<string> existing, CancellationToken ct)
    {
        var order = await db.LearningPaths.MaxAsync(p => (int?)p.Order, ct) ?? 0;
        foreach (var source in set.Paths.Where(p => !existing.Contains(p.Slug)))
        {
            db.LearningPaths.Add(new LearningPath
            {
                Slug = source.Slug, Title = source.Title, Summary = source.Summary, Description = source.Description, Order = ++order, IsDraft = true,
                Lessons = [.. source.Lessons.Select((slug, i) => new PathLesson { LessonId = lessons[slug].Id, Position = i + 1 })],
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
