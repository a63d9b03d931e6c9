using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.ContentPacks;

public sealed record ImportReport(
    int TopicsAdded,
    int TopicsUpdated,
    int LessonsAdded,
    int LessonsUpdated,
    int LessonsUnchanged,
    IReadOnlyList<string> DraftsForReview,
    int PathsAdded,
    int PathsUpdated,
    IReadOnlyList<ContentProblem> Problems)
{
    public bool ChangedAnything => TopicsAdded + TopicsUpdated + LessonsAdded + LessonsUpdated + PathsAdded + PathsUpdated > 0
        || DraftsForReview.Count > 0;
}

/// <summary>
/// Imports a content folder or lesson pack. Idempotent: a lesson whose files hash the same as its last
/// imported revision is left alone. A changed lesson becomes a new revision, published unless someone
/// edited the lesson on the site since its last import (then it waits as a draft for review).
/// </summary>
public sealed class ContentImporter(
    LearningDbContext db,
    ContentReader reader,
    MediaLibrary media,
    CatalogChanges catalogChanges,
    ISearchIndex searchIndex,
    TimeProvider clock,
    ILogger<ContentImporter> log)
{
    public async Task<ImportReport> ImportAsync(string directory, CancellationToken ct)
    {
        var set = reader.Read(directory);
        var problems = set.Problems.ToList();
        var (topicsAdded, topicsUpdated) = await ImportTopicsAsync(set.Topics, ct);
        var topicIds = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);

        int added = 0, updated = 0, unchanged = 0;
        var drafts = new List<string>();
        var published = new List<int>();
        foreach (var source in set.Lessons)
        {
            db.ChangeTracker.Clear();
            var outcome = await ImportLessonAsync(source, topicIds, problems, published, ct);
            switch (outcome)
            {
                case LessonOutcome.Added: added++; break;
                case LessonOutcome.Updated: updated++; break;
                case LessonOutcome.Unchanged: unchanged++; break;
                case LessonOutcome.Draft: drafts.Add(source.Slug); break;
            }
        }
        db.ChangeTracker.Clear();
        await searchIndex.UpdateAsync(published, ct); // one batch: per-lesson index commits cost more than the import
        var (pathsAdded, pathsUpdated) = await ImportPathsAsync(set.Paths, ct);

        var report = new ImportReport(topicsAdded, topicsUpdated, added, updated, unchanged, drafts, pathsAdded, pathsUpdated, problems);
        foreach (var p in problems)
            log.LogWarning("Content skipped {Path}: {Reason}", p.Path, p.Message);
        log.LogInformation("Imported {Directory}: {Added} lessons added, {Updated} updated, {Unchanged} unchanged, {Drafts} drafts, {Problems} problems",
            directory, added, updated, unchanged, drafts.Count, problems.Count);
        if (report.ChangedAnything)
            await catalogChanges.PublishedAsync(ct);
        return report;
    }

    private async Task<(int Added, int Updated)> ImportTopicsAsync(IReadOnlyList<TopicSource> topics, CancellationToken ct)
    {
        int added = 0, updated = 0;
        var existing = await db.Topics.ToDictionaryAsync(t => t.Slug, ct);
        foreach (var t in topics)
        {
            if (!existing.TryGetValue(t.Slug, out var topic))
            {
                db.Topics.Add(new Topic { Slug = t.Slug, Title = t.Title, Description = t.Description, Icon = t.Icon, Order = t.Order });
                added++;
            }
            else if (topic.Title != t.Title || topic.Description != t.Description || topic.Icon != t.Icon || topic.Order != t.Order)
            {
                (topic.Title, topic.Description, topic.Icon, topic.Order) = (t.Title, t.Description, t.Icon, t.Order);
                updated++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, updated);
    }

    private enum LessonOutcome { Added, Updated, Unchanged, Draft, Failed }

    private async Task<LessonOutcome> ImportLessonAsync(LessonSource source, Dictionary<string, int> topicIds,
        List<ContentProblem> problems, List<int> published, CancellationToken ct)
    {
        var lesson = await db.Lessons.FirstOrDefaultAsync(l => l.Slug == source.Slug, ct);
        LessonRevision? latest = lesson is null ? null : await db.LessonRevisions
            .Where(r => r.LessonId == lesson.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var lastImported = lesson is null ? null : await db.LessonRevisions.AsNoTracking()
            .Where(r => r.LessonId == lesson.Id && r.Source == RevisionSource.Import)
            .OrderByDescending(r => r.Number).Select(r => r.SourceHash).FirstOrDefaultAsync(ct);
        if (lastImported == source.Hash)
            return LessonOutcome.Unchanged;

        var stored = new Dictionary<string, MediaAsset>(StringComparer.Ordinal);
        foreach (var (name, full) in source.Files)
        {
            var result = await StoreAsync(name, full, ct);
            if (result is MediaResult.Rejected rejected)
            {
                problems.Add(new ContentProblem(full, $"tệp bị từ chối ({rejected.ReasonKey})"));
                return LessonOutcome.Failed;
            }
            stored[name] = ((MediaResult.Stored)result).Asset;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revision = new LessonRevision
        {
            Number = (latest?.Number ?? 0) + 1,
            Source = RevisionSource.Import,
            SourceHash = source.Hash,
            Title = source.Title,
            Summary = source.Summary,
            TopicSlug = source.Topic,
            Type = source.Type,
            Level = source.Level,
            Minutes = source.Minutes,
            Order = source.Order,
            Tags = string.Join(", ", source.Tags.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))),
            Body = source.Body,
            VideoUrl = source.VideoUrl,
            VideoMediaId = Id(source.Video),
            CaptionsMediaId = Id(source.Captions),
            PosterMediaId = Id(source.Poster),
            CoverMediaId = Id(source.Cover),
            QuizJson = source.QuizJson,
            CreatedAt = now,
            CreatedBy = "import",
            Media = stored.Select(s => new RevisionMedia { Path = s.Key, MediaAssetId = s.Value.Id }).ToList(),
        };
        var isNew = lesson is null;
        lesson ??= db.Lessons.Add(new Lesson
        {
            Slug = source.Slug, TopicId = topicIds[source.Topic], CreatedAt = now, UpdatedAt = now, Status = LessonStatus.Draft,
        }).Entity;
        lesson.Revisions.Add(revision);

        // Someone edited the lesson on the site after its last import: keep their version published.
        var authoredSince = latest is not null && latest.Source != RevisionSource.Import;
        if (authoredSince)
        {
            lesson.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return LessonOutcome.Draft;
        }

        await db.SaveChangesAsync(ct); // the revision needs its id before the lesson can point at it
        Publishing.Publish(lesson, revision, topicIds[source.Topic], now);
        await db.SaveChangesAsync(ct);
        published.Add(lesson.Id);
        return isNew ? LessonOutcome.Added : LessonOutcome.Updated;

        Guid? Id(string? name) => name is not null && stored.TryGetValue(name, out var a) ? a.Id : null;
    }

    private async Task<MediaResult> StoreAsync(string name, string full, CancellationToken ct)
    {
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".mp4" or ".webm":
                await using (var stream = File.OpenRead(full))
                    return await media.AddVideoAsync(stream, ct);
            case ".vtt":
                return await media.AddCaptionsAsync(await File.ReadAllBytesAsync(full, ct), ct);
            default:
                return await media.AddImageAsync(await File.ReadAllBytesAsync(full, ct), ct);
        }
    }

    private async Task<(int Added, int Updated)> ImportPathsAsync(IReadOnlyList<PathSource> paths, CancellationToken ct)
    {
        int added = 0, updated = 0;
        var lessonIds = await db.Lessons.AsNoTracking().ToDictionaryAsync(l => l.Slug, l => l.Id, ct);
        foreach (var source in paths)
        {
            if (source.Lessons.Any(s => !lessonIds.ContainsKey(s)))
                continue; // reported by the reader, or a lesson of the path failed to import
            var path = await db.LearningPaths.Include(p => p.Lessons).FirstOrDefaultAsync(p => p.Slug == source.Slug, ct);
            if (path?.SourceHash == source.Hash && path.Order == source.Order)
                continue;
            if (path is null)
            {
                path = db.LearningPaths.Add(new LearningPath { Slug = source.Slug, Title = source.Title }).Entity;
                added++;
            }
            else
            {
                updated++;
                path.Lessons.Clear();
                await db.SaveChangesAsync(ct); // positions are a key: remove the old rows before adding the new ones
            }
            (path.Title, path.Summary, path.Description, path.Order, path.SourceHash) =
                (source.Title, source.Summary, source.Description, source.Order, source.Hash);
            for (var i = 0; i < source.Lessons.Count; i++)
                path.Lessons.Add(new PathLesson { LessonId = lessonIds[source.Lessons[i]], Position = i + 1 });
            await db.SaveChangesAsync(ct);
        }
        return (added, updated);
    }
}
