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
/// edited the lesson on the site since its last import (then it waits as a draft for review). Each lesson and
/// each path is imported in its own transaction: one that fails for any reason is rolled back (with the media
/// files it added), reported as a problem, and the import goes on (issue 16).
/// </summary>
public sealed partial class ContentImporter(
    LearningDbContext db,
    ContentReader reader,
    MediaLibrary media,
    IMediaStore mediaStore,
    CatalogChanges catalogChanges,
    ISearchIndex searchIndex,
    TimeProvider clock,
    ILogger<ContentImporter> log)
{
    public async Task<ImportReport> ImportAsync(string directory, CancellationToken ct)
    {
        var root = Path.GetFullPath(directory);
        var set = reader.Read(root);
        var problems = set.Problems.ToList();
        var (topicsAdded, topicsUpdated) = await ImportTopicsAsync(set.Topics, ct);
        var topicIds = await db.Topics.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);

        int added = 0, updated = 0, unchanged = 0;
        var drafts = new List<string>();
        var published = new List<int>();
        foreach (var source in set.Lessons)
        {
            var lessonFile = Path.Combine(root, "lessons", source.Slug, LessonFile.FileName);
            var (ok, (outcome, lessonId)) = await AtomicallyAsync(lessonFile, problems, stored => ImportLessonAsync(source, topicIds, problems, stored, ct), ct);
            if (!ok)
                continue;
            if (outcome is LessonOutcome.Added or LessonOutcome.Updated)
                published.Add(lessonId);
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
        var (pathsAdded, pathsUpdated) = await ImportPathsAsync(root, set.Paths, problems, ct);

        var report = new ImportReport(topicsAdded, topicsUpdated, added, updated, unchanged, drafts, pathsAdded, pathsUpdated, problems);
        // Each problem is logged by the caller, worded from the web's resources (the start-up, the command line).
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
            else if (topic.Title != t.Title || topic.Description != t.Description || topic.Icon != t.Icon || topic.Order != t.Order || topic.IsDraft)
            {
                // The ward's own content folder is trusted as published: a topic a pack brought as a draft becomes public.
                (topic.Title, topic.Description, topic.Icon, topic.Order, topic.IsDraft) = (t.Title, t.Description, t.Icon, t.Order, false);
                updated++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, updated);
    }

    private async Task<(int Added, int Updated)> ImportPathsAsync(string root, IReadOnlyList<PathSource> paths,
        List<ContentProblem> problems, CancellationToken ct)
    {
        int added = 0, updated = 0;
        var lessonIds = await db.Lessons.AsNoTracking().ToDictionaryAsync(l => l.Slug, l => l.Id, ct);
        foreach (var source in paths)
        {
            if (source.Lessons.Any(s => !lessonIds.ContainsKey(s)) || source.EntryTest is { } test && !lessonIds.ContainsKey(test))
                continue; // reported by the reader, or a lesson of the path failed to import
            var file = Path.Combine(root, "paths", source.Slug + ".yml");
            var (ok, isNew) = await AtomicallyAsync(file, problems, _ => ImportPathAsync(source, lessonIds, ct), ct);
            if (!ok || isNew is null)
                continue;
            if (isNew.Value) added++;
            else updated++;
        }
        return (added, updated);
    }

    /// <returns>True for a new path, false for an updated one, null when it was unchanged.</returns>
    private async Task<(bool Ok, bool? IsNew)> ImportPathAsync(PathSource source, Dictionary<string, int> lessonIds, CancellationToken ct)
    {
        var path = await db.LearningPaths.Include(p => p.Lessons).FirstOrDefaultAsync(p => p.Slug == source.Slug, ct);
        if (path?.SourceHash == source.Hash && path.Order == source.Order && !path.IsDraft)
            return (true, null);
        var isNew = path is null;
        if (path is null)
        {
            path = db.LearningPaths.Add(new LearningPath { Slug = source.Slug, Title = source.Title }).Entity;
        }
        else
        {
            path.Lessons.Clear();
            await db.SaveChangesAsync(ct); // positions are a key: remove the old rows before adding the new ones
        }
        // The ward's own content publishes a path that came as a draft with a pack (LearningPath.IsDraft), as it does a topic.
        (path.Title, path.Summary, path.Description, path.Order, path.SourceHash, path.IsDraft) =
            (source.Title, source.Summary, source.Description, source.Order, source.Hash, false);
        // Only a quiz lesson can be an entry test; the file names it (or, without entry_test:, the path keeps none).
        path.EntryTestId = source.EntryTest is { } test
            && await db.Lessons.AnyAsync(l => l.Id == lessonIds[test] && l.Type == LessonType.Quiz, ct) ? lessonIds[test] : null;
        for (var i = 0; i < source.Lessons.Count; i++)
            path.Lessons.Add(new PathLesson { LessonId = lessonIds[source.Lessons[i]], Position = i + 1 });
        await db.SaveChangesAsync(ct);
        return (true, isNew);
    }

    /// <summary>
    /// Runs the import of one lesson or path in a transaction. When <paramref name="work"/> says it failed (and has
    /// reported why) or throws anything, the transaction is rolled back, media files it added are deleted, and the
    /// import goes on; only cancellation stops it.
    /// </summary>
    private async Task<(bool Ok, T Value)> AtomicallyAsync<T>(string file, List<ContentProblem> problems,
        Func<List<MediaAsset>, Task<(bool Ok, T Value)>> work, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var stored = new List<MediaAsset>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work(stored);
            if (result.Ok)
            {
                await transaction.CommitAsync(ct);
                return result;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Content import failed for {Path}", file);
            problems.Add(new ContentProblem(file, ContentReasons.NotImported, ContentFileException.Describe(e)));
        }
        await UndoAsync(transaction, stored);
        return (false, default!);
    }
}
