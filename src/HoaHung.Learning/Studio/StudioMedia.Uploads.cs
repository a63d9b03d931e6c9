using HoaHung.Learning.Data;
using HoaHung.Learning.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio;

public sealed partial class StudioMedia
{
    private async Task<LibraryResult> AddAsync(string actorId, int lessonId, MediaKind kind, Stream content, string? fileName,
        string? description, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return new LibraryResult.Refused(refusal!);
        var (stored, format) = await StoreAsync(kind, content, ct);
        if (stored is MediaResult.Rejected rejected)
            return new LibraryResult.Refused(rejected.ReasonKey);
        var asset = ((MediaResult.Stored)stored).Asset;

        // The same file again (same bytes): the entry it already has, described now if it was not.
        var existing = await db.LessonMedia().FirstOrDefaultAsync(m => m.LessonId == lessonId && m.MediaAssetId == asset.Id, ct);
        if (existing is not null)
        {
            if (existing.Description.Length == 0 && !string.IsNullOrWhiteSpace(description))
            {
                existing.Description = CleanDescription(description);
                await db.SaveChangesAsync(ct);
            }
            return new LibraryResult.Done(await ItemAsync(db, lessonId, existing.Path, ct));
        }

        var name = LessonSlugs.FileName(fileName, ExtensionOf(asset, format), kind == MediaKind.Video ? "video" : "anh");
        var taken = (await db.LessonMedia().AsNoTracking().Where(m => m.LessonId == lessonId).Select(m => m.Path).ToListAsync(ct)).ToHashSet();
        foreach (var path in LessonSlugs.FileCandidates(name).Where(p => !taken.Contains(p) && !taken.Contains(CaptionsFor(p))).Take(3))
        {
            db.LessonMedia().Add(NewEntry(lessonId, path, asset, description ?? "", actor));
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("{ActorId} added {Kind} {Path} ({Bytes} bytes) to lesson {LessonId}", actor.Id, kind, path, asset.Bytes, lessonId);
                return new LibraryResult.Done(await ItemAsync(db, lessonId, path, ct));
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear(); // the name was taken at the same moment: the next one
            }
        }
        return new LibraryResult.Refused(StudioReasons.MediaNotFound);

        static string CaptionsFor(string path) => Markdown.LessonMarkdown.CaptionsPathFor(path);
    }

    /// <summary>
    /// Checks and stores the bytes through <see cref="MediaLibrary"/> (in a scope of its own). Pictures are read into
    /// memory up to <see cref="MediaOptions.MaxImageBytes"/> (the decoder needs them whole); videos are streamed.
    /// </summary>
    /// <returns>The result, and for a picture the format its bytes are in (which names it: "anh.png", "anh.webp").</returns>
    private async Task<(MediaResult Result, ImageFormat? Format)> StoreAsync(MediaKind kind, Stream content, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        try
        {
            switch (kind)
            {
                case MediaKind.Video:
                    return (await library.AddVideoAsync(content, ct), null);
                case MediaKind.Captions:
                    return (await ReadBoundedAsync(content, limits.MaxCaptionsBytes, ct) is { } captions
                        ? await library.AddCaptionsAsync(captions, ct)
                        : new MediaResult.Rejected(MediaReasons.CaptionsTooLarge), null);
                default:
                    var bytes = await ReadBoundedAsync(content, limits.MaxImageBytes, ct);
                    if (bytes is null)
                        return (new MediaResult.Rejected(MediaReasons.ImageTooLarge), null);
                    // The pipeline also decodes GIF for the import; the studio takes the formats content/README.md names.
                    var format = ImageSignature.Detect(bytes);
                    if (format is not (ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.WebP))
                    {
                        log.LogWarning("Rejected a studio picture of {Bytes} bytes: not JPEG, PNG or WebP by its bytes", bytes.Length);
                        return (new MediaResult.Rejected(MediaReasons.ImageUnsupportedFormat), null);
                    }
                    return (await library.AddImageAsync(bytes, ct), format);
            }
        }
        catch (IOException e) when (!ct.IsCancellationRequested)
        {
            // The upload ended before the file did (connection lost): the media library kept nothing.
            log.LogInformation(e, "A {Kind} upload was interrupted", kind);
            return (new MediaResult.Rejected(StudioReasons.UploadInterrupted), null);
        }
    }

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="max"/> bytes.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string ExtensionOf(MediaAsset asset, ImageFormat? format) => asset.Kind switch
    {
        MediaKind.Video => asset.ContentType == MediaContentTypes.WebM ? "webm" : "mp4",
        MediaKind.Captions => "vtt",
        _ => format switch { ImageFormat.Png => "png", ImageFormat.WebP => "webp", _ => "jpg" },
    };
}
