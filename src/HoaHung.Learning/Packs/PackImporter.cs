using System.Diagnostics;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Packs;

/// <summary>
/// Imports a lesson pack (.zip in the <c>content/</c> format) as studio drafts for review: never published, never
/// overwriting a lesson of this site (a slug already taken gets the next free one). All or nothing: the pack is
/// unpacked into a temporary folder by <see cref="PackArchive"/>, read and checked by the content reader (every
/// problem refuses the pack), its files pass the media library's checks, and everything is written in one
/// transaction; on any failure the transaction is rolled back, the media files it wrote are deleted and the
/// temporary folder is removed. A scoped service: one context for the whole import.
/// </summary>
public sealed partial class PackImporter(
    LearningDbContext db,
    ContentReader reader,
    MediaLibrary media,
    IMediaStore mediaStore,
    LessonMarkdown markdown,
    TimeProvider clock,
    ILogger<PackImporter> log)
{
    /// <summary>Who imports: a staff member (her lessons, her team's) or null for the admin command (lessons of nobody).</summary>
    public async Task<PackImportResult> ImportAsync(string zipFile, string? actorId, PackLimits limits, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        StudioActor? actor = null;
        if (actorId is not null && (actor = await StudioActor.FindAsync(db, actorId, clock.GetUtcNow(), ct)) is null)
            return Refuse(new PackProblem("", PackReasons.NotAllowed));

        var folder = PackTempFiles.NewUnpackFolder();
        try
        {
            if (await Task.Run(() => PackArchive.Unpack(zipFile, folder, limits, ct), ct) is { } unpackProblem)
                return Refuse(unpackProblem);
            var set = reader.Read(folder);
            if (set.Problems.Count > 0)
                return Refuse([.. set.Problems.Select(p => p.Topic is { } topic
                    ? new PackProblem(Relative(folder, p.Path), PackReasons.ContentInTopic, p.Reason, topic)
                    : new PackProblem(Relative(folder, p.Path), PackReasons.Content, p.Reason))]);
            if (set.Lessons.Count == 0)
                return Refuse(new PackProblem("", PackReasons.NoLessons));

            var stored = new List<MediaAsset>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var (report, problems) = await WriteAsync(set, folder, actor, stored, ct);
                if (report is not null)
                {
                    await transaction.CommitAsync(ct);
                    log.LogInformation("{ActorId} imported a pack: {Lessons} lessons as drafts, {Files} files, in {Elapsed} ms",
                        actor?.Id ?? "(command)", report.Lessons.Count, report.MediaFiles, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return new PackImportResult.Imported(report);
                }
                await UndoAsync(transaction, stored);
                return Refuse([.. problems.Select(p => p with { Path = Relative(folder, p.Path) })]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "A pack import failed; nothing was kept");
                await UndoAsync(transaction, stored);
                return Refuse(new PackProblem("", PackReasons.ImportFailed, e.GetType().Name));
            }
            catch
            {
                await UndoAsync(transaction, stored);
                throw;
            }
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private PackImportResult Refuse(params PackProblem[] problems)
    {
        foreach (var p in problems)
            log.LogWarning("Pack refused: {Problem}", p);
        return new PackImportResult.Refused(problems);
    }

    /// <summary>Rolls back and deletes the files of media rows that existed only in this transaction.</summary>
    private async Task UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<MediaAsset> stored)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            foreach (var asset in stored.DistinctBy(a => a.Id))
            {
                if (await db.MediaAssets.AsNoTracking().AnyAsync(a => a.Id == asset.Id, CancellationToken.None))
                    continue; // stored before this pack (the same bytes): keep it
                foreach (var name in MediaFileNames.AllFiles(asset))
                    mediaStore.Delete(name);
            }
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not undo a failed pack import completely");
        }
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Could not delete the temporary folder {Folder} of a pack", folder);
        }
    }

    private static string Relative(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        return relative == "." ? "" : relative;
    }
}
