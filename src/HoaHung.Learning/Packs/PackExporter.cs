using System.IO.Compression;
using System.Text;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Packs;

/// <summary>
/// Writes a lesson, a topic or a learning path as a lesson pack: a .zip in the <c>content/</c> format
/// (content/README.md) made from the PUBLISHED revisions only — what residents read, never a draft. Each lesson's
/// files are the stored ones under the names its Markdown uses (a picture as its stored full-size fallback; the
/// importer decides its format by its bytes). The zip is written straight to the caller's stream, file by file.
/// </summary>
public sealed partial class PackExporter(LearningDbContext db, IMediaStore store, ILogger<PackExporter> log)
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public async Task<PackExportResult> ExportAsync(PackKind kind, string slug, Stream output, CancellationToken ct)
    {
        var published = db.Lessons.AsNoTracking().Where(l => l.Status == LessonStatus.Published && l.PublishedRevisionId != null);
        List<int> ids;
        LearningPath? path = null;
        switch (kind)
        {
            case PackKind.Lesson:
                ids = await published.Where(l => l.Slug == slug).Select(l => l.Id).ToListAsync(ct);
                break;
            case PackKind.Topic:
                ids = await published.Where(l => l.Topic.Slug == slug).OrderBy(l => l.Order).ThenBy(l => l.Id).Select(l => l.Id).ToListAsync(ct);
                break;
            default:
                path = await db.LearningPaths.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && !p.IsDraft, ct);
                ids = path is null ? [] : await db.PathLessons.AsNoTracking()
                    .Where(pl => pl.PathId == path.Id && pl.Lesson.Status == LessonStatus.Published && pl.Lesson.PublishedRevisionId != null)
                    .OrderBy(pl => pl.Position).Select(pl => pl.LessonId).ToListAsync(ct);
                break;
        }
        if (ids.Count == 0)
            return new PackExportResult.NotFound();

        var lessons = await db.Lessons.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.Slug, Revision = l.PublishedRevision!, RevisionMedia = l.PublishedRevision!.Media })
            .ToListAsync(ct);
        var assetIds = lessons.SelectMany(l => l.RevisionMedia).Select(m => m.MediaAssetId).Distinct().ToList();
        var assets = await db.MediaAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var topicSlugs = lessons.Select(l => l.Revision.TopicSlug).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicSlugs.Contains(t.Slug)).OrderBy(t => t.Order).ToListAsync(ct);

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Utf8))
        {
            await TextAsync(zip, TopicsFile.FileName, PackYaml.Topics(topics), ct);
            foreach (var lesson in ids.Select(id => lessons.First(l => l.Id == id)))
            {
                var folder = $"lessons/{lesson.Slug}/";
                var files = lesson.RevisionMedia.Where(m => assets.ContainsKey(m.MediaAssetId))
                    .ToDictionary(m => m.Path, m => assets[m.MediaAssetId], StringComparer.Ordinal);
                var content = lesson.Revision.ToContent(files.ToDictionary(f => f.Key, f => f.Value.Id, StringComparer.Ordinal));
                await TextAsync(zip, folder + LessonFile.FileName, PackYaml.Lesson(content, lesson.Revision.Order), ct);
                if (QuizDefinition.FromJson(lesson.Revision.QuizJson) is { } quiz)
                    await TextAsync(zip, folder + QuizFile.FileName, PackYaml.Quiz(quiz), ct);
                foreach (var (name, asset) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                    await FileAsync(zip, folder + name, asset, ct);
            }
            // A path's entry test goes with it when the pack holds that lesson (content/README.md: "in the path or not").
            string? EntryTest(LearningPath p) => lessons.FirstOrDefault(l => l.Id == p.EntryTestId)?.Slug;
            if (path is not null && ids.Count >= 2) // a path holds 2–30 lessons (content/README.md)
                await TextAsync(zip, $"paths/{path.Slug}.yml",
                    PackYaml.Path(path, [.. ids.Select(id => lessons.First(l => l.Id == id).Slug)], EntryTest(path)), ct);
            else if (path is null)
                foreach (var (within, lessonIds) in await PathsWithinAsync(ids, ct))
                    await TextAsync(zip, $"paths/{within.Slug}.yml",
                        PackYaml.Path(within, [.. lessonIds.Select(id => lessons.First(l => l.Id == id).Slug)], EntryTest(within)), ct);
        }
        log.LogInformation("Exported {Kind} {Slug} as a pack of {Lessons} lessons", kind, slug, ids.Count);
        return new PackExportResult.Written($"goi-bai-{slug}.zip", ids.Count);
    }

    private static async Task TextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(Utf8.GetBytes(text), ct);
    }

    // Pictures and videos are compressed already: stored as they are.
    private async Task FileAsync(ZipArchive zip, string name, MediaAsset asset, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, asset.Kind == MediaKind.Captions ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
        await using var target = entry.Open();
        await using var source = store.OpenRead(MediaFileNames.MainFile(asset));
        await source.CopyToAsync(target, ct);
    }
}
