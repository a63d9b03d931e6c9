using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.ContentPacks;

/// <summary>Importing one lesson: its media, a new revision, and publishing it unless someone edited it on the site.</summary>
public sealed partial class ContentImporter
{
    private enum LessonOutcome { Added, Updated, Unchanged, Draft }

    private async Task<(bool Ok, (LessonOutcome Outcome, int LessonId) Value)> ImportLessonAsync(LessonSource source,
        Dictionary<string, int> topicIds, List<ContentProblem> problems, List<MediaAsset> stored, CancellationToken ct)
    {
        var lesson = await db.Lessons.FirstOrDefaultAsync(l => l.Slug == source.Slug, ct);
        var topic = source.Content.Topic;
        LessonRevision? latest = lesson is null ? null : await db.LessonRevisions
            .Where(r => r.LessonId == lesson.Id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var lastImported = lesson is null ? null : await db.LessonRevisions.AsNoTracking()
            .Where(r => r.LessonId == lesson.Id && r.Source == RevisionSource.Import)
            .OrderByDescending(r => r.Number).Select(r => r.SourceHash).FirstOrDefaultAsync(ct);
        if (lastImported == source.Hash)
            return (true, (LessonOutcome.Unchanged, lesson!.Id));

        var assets = new Dictionary<string, MediaAsset>(StringComparer.Ordinal);
        foreach (var (name, full) in source.Files)
        {
            var result = await StoreAsync(name, full, ct);
            if (result is MediaResult.Rejected rejected)
            {
                problems.Add(new ContentProblem(full, ContentReasons.FileRejected, new Reason(rejected.ReasonKey)));
                return (false, default);
            }
            assets[name] = ((MediaResult.Stored)result).Asset;
            stored.Add(assets[name]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revision = new LessonRevision
        {
            Number = (latest?.Number ?? 0) + 1,
            Source = RevisionSource.Import,
            SourceHash = source.Hash,
            Order = source.Order,
            CreatedAt = now,
            CreatedBy = "import",
            Media = assets.Select(s => new RevisionMedia { Path = s.Key, MediaAssetId = s.Value.Id }).ToList(),
        };
        revision.Apply(source.Content, QuizDefinition.FromJson(source.QuizJson), assets.ToDictionary(a => a.Key, a => (a.Value.Id, a.Value.Kind), StringComparer.Ordinal));
        var isNew = lesson is null;
        lesson ??= db.Lessons.Add(new Lesson
        {
            Slug = source.Slug, TopicId = topicIds[topic], CreatedAt = now, UpdatedAt = now, Status = LessonStatus.Draft,
        }).Entity;
        lesson.Revisions.Add(revision);

        // Someone edited the lesson on the site after its last import: keep their version published.
        var authoredSince = latest is not null && latest.Source != RevisionSource.Import;
        if (authoredSince)
        {
            lesson.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
            return (true, (LessonOutcome.Draft, lesson.Id));
        }

        await db.SaveChangesAsync(ct); // the revision needs its id before the lesson can point at it
        Publishing.Publish(lesson, revision, topicIds[topic], now);
        await db.SaveChangesAsync(ct);
        return (true, (isNew ? LessonOutcome.Added : LessonOutcome.Updated, lesson.Id));
    }

    // The files were checked by the reader; they are opened again the same way (regular files only, size capped
    // by reading), as they may have changed since.
    private async Task<MediaResult> StoreAsync(string name, string full, CancellationToken ct)
    {
        await using var stream = ContentFiles.OpenRegular(full);
        if (ContentNames.HasExtension(name, ContentNames.VideoExtensions))
            return await media.AddVideoAsync(stream, ct);
        var (bytes, tooLarge) = ContentFiles.ReadAtMost(stream, ContentReader.MaxReferencedFileBytes);
        if (tooLarge)
            throw new ContentFileException(new Reason(ContentReasons.NamedFileTooLarge, name));
        return Path.GetExtension(name).Equals(".vtt", StringComparison.OrdinalIgnoreCase)
            ? await media.AddCaptionsAsync(bytes!, ct)
            : await media.AddImageAsync(bytes!, ct);
    }

    /// <summary>Rolls a failed lesson back, and deletes the files of media rows that existed only in its transaction.</summary>
    private async Task UndoAsync(IDbContextTransaction transaction, List<MediaAsset> stored)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            foreach (var asset in stored.DistinctBy(a => a.Id))
            {
                if (await db.MediaAssets.AnyAsync(a => a.Id == asset.Id, CancellationToken.None))
                    continue; // it was there before this lesson (the same bytes imported earlier): keep it
                foreach (var name in MediaFileNames.AllFiles(asset))
                    mediaStore.Delete(name);
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not undo a failed content import completely");
        }
    }
}
