using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Studio;

/// <summary>
/// A lesson's media library in the studio: pictures, videos and captions uploaded as streams, checked by their bytes
/// (the <see cref="MediaLibrary"/> pipeline: header first, limits, auto-orientation, no metadata, WebP renditions,
/// stored once per content hash), named for the Markdown, described, reused, replaced and removed when unused.
/// A refused file leaves nothing on disk or in the database. A singleton with a scope per operation; every call checks
/// that the caller may edit the lesson before reading a byte.
/// </summary>
public sealed partial class StudioMedia(
    IServiceScopeFactory scopes,
    IDbContextFactory<LearningDbContext> contexts,
    LessonMarkdown markdown,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<StudioMedia> log)
{
    private readonly MediaOptions limits = options.Value;

    /// <summary>Adds a picture (JPEG, PNG or WebP by its bytes; never SVG, GIF or anything else).</summary>
    public Task<LibraryResult> AddPictureAsync(string actorId, int lessonId, Stream content, string? fileName, string? description,
        CancellationToken ct) =>
        AddAsync(actorId, lessonId, MediaKind.Image, content, fileName, description, ct);

    /// <summary>Adds an MP4 or WebM video, streamed to disk (never held in memory) up to <see cref="MediaOptions.MaxVideoBytes"/>.</summary>
    public Task<LibraryResult> AddVideoAsync(string actorId, int lessonId, Stream content, string? fileName, CancellationToken ct) =>
        AddAsync(actorId, lessonId, MediaKind.Video, content, fileName, null, ct);

    /// <summary>Adds (or replaces) the WebVTT captions of a video of the library, stored beside it as "{video}.vi.vtt".</summary>
    public async Task<LibraryResult> AddCaptionsAsync(string actorId, int lessonId, string videoPath, Stream content, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return new LibraryResult.Refused(refusal!);
        if (!await db.LessonMedia().AnyAsync(m => m.LessonId == lessonId && m.Path == videoPath && m.Kind == MediaKind.Video, ct))
            return new LibraryResult.Refused(StudioReasons.MediaNotFound);
        var (stored, _) = await StoreAsync(MediaKind.Captions, content, ct);
        if (stored is MediaResult.Rejected rejected)
            return new LibraryResult.Refused(rejected.ReasonKey);
        var asset = ((MediaResult.Stored)stored).Asset;
        var path = LessonMarkdown.CaptionsPathFor(videoPath);
        var entry = await db.LessonMedia().FirstOrDefaultAsync(m => m.LessonId == lessonId && m.Path == path, ct);
        if (entry is null)
            db.LessonMedia().Add(entry = NewEntry(lessonId, path, asset, "", actor));
        else
            (entry.MediaAssetId, entry.Kind) = (asset.Id, MediaKind.Captions);
        await db.SaveChangesAsync(ct);
        return new LibraryResult.Done(await ItemAsync(db, lessonId, path, ct));
    }

    /// <summary>Puts a new file of the same kind behind an existing path: every place the lesson uses it follows.</summary>
    public async Task<LibraryResult> ReplaceAsync(string actorId, int lessonId, string path, Stream content, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return new LibraryResult.Refused(refusal!);
        var entry = await db.LessonMedia().FirstOrDefaultAsync(m => m.LessonId == lessonId && m.Path == path, ct);
        if (entry is null)
            return new LibraryResult.Refused(StudioReasons.MediaNotFound);
        var (stored, _) = await StoreAsync(entry.Kind, content, ct);
        if (stored is MediaResult.Rejected rejected)
            return new LibraryResult.Refused(rejected.ReasonKey);
        entry.MediaAssetId = ((MediaResult.Stored)stored).Asset.Id;
        await db.SaveChangesAsync(ct);
        log.LogInformation("{ActorId} replaced {Path} of lesson {LessonId}", actor.Id, path, lessonId);
        return new LibraryResult.Done(await ItemAsync(db, lessonId, path, ct));
    }

    /// <summary>Sets a picture's description (alt text): what a reader who cannot see it hears.</summary>
    public async Task<LibraryResult> DescribeAsync(string actorId, int lessonId, string path, string? description, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return new LibraryResult.Refused(refusal!);
        var entry = await db.LessonMedia().FirstOrDefaultAsync(m => m.LessonId == lessonId && m.Path == path, ct);
        if (entry is null)
            return new LibraryResult.Refused(StudioReasons.MediaNotFound);
        if (entry.Kind == MediaKind.Captions)
            return new LibraryResult.Refused(StudioReasons.WrongKind);
        entry.Description = CleanDescription(description);
        await db.SaveChangesAsync(ct);
        return new LibraryResult.Done(await ItemAsync(db, lessonId, path, ct));
    }

    /// <summary>Removes a file the working copy does not use (a video takes its captions with it). Revisions keep theirs.</summary>
    public async Task<LibraryResult> RemoveAsync(string actorId, int lessonId, string path, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return new LibraryResult.Refused(refusal!);
        var entry = await db.LessonMedia().FirstOrDefaultAsync(m => m.LessonId == lessonId && m.Path == path, ct);
        if (entry is null)
            return new LibraryResult.Refused(StudioReasons.MediaNotFound);
        if ((await UsedPathsAsync(db, lessonId, ct)).Contains(path))
            return new LibraryResult.Refused(StudioReasons.MediaInUse);
        db.LessonMedia().Remove(entry);
        if (entry.Kind == MediaKind.Video)
        {
            var captions = LessonMarkdown.CaptionsPathFor(path);
            db.LessonMedia().RemoveRange(await db.LessonMedia().Where(m => m.LessonId == lessonId && m.Path == captions).ToListAsync(ct));
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("{ActorId} removed {Path} from the library of lesson {LessonId}", actor.Id, path, lessonId);
        return new LibraryResult.Done(null);
    }

    /// <summary>The lesson's library, pictures first, newest first; null when the caller may not edit the lesson.</summary>
    public async Task<IReadOnlyList<LibraryItem>?> ListAsync(string actorId, int lessonId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, _) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return null;
        var used = await UsedPathsAsync(db, lessonId, ct);
        var rows = await db.LessonMedia().AsNoTracking().Where(m => m.LessonId == lessonId)
            .OrderBy(m => m.Kind).ThenByDescending(m => m.AddedAt).ThenBy(m => m.Path)
            .Select(m => new { m.Path, m.Description, m.Asset }).ToListAsync(ct);
        return rows.Select(r => ToItem(r.Path, r.Description, r.Asset, used.Contains(r.Path))).ToList();
    }

    /// <summary>The library's files by path, for the preview; null when the caller may not edit the lesson.</summary>
    public async Task<IReadOnlyDictionary<string, MediaAsset>?> FilesAsync(string actorId, int lessonId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, _) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (actor is null)
            return null;
        var rows = await db.LessonMedia().AsNoTracking().Where(m => m.LessonId == lessonId)
            .Select(m => new { m.Path, m.Asset }).ToListAsync(ct);
        return rows.ToDictionary(m => m.Path, m => m.Asset, StringComparer.Ordinal);
    }

    /// <summary>The Markdown for a YouTube video in the body, or null when the address is not a YouTube video.</summary>
    public static string? YouTubeMarkdown(string? url, string? title) =>
        LessonMarkdown.YouTubeId(url ?? "") is null ? null : $"![{LibraryItem.Escape(TextCleaning.OneLine(title))}]({url!.Trim()})";

    private static string CleanDescription(string? description)
    {
        var text = TextCleaning.OneLine(description);
        return text.Length <= LessonMedia.MaxDescriptionLength ? text : text[..LessonMedia.MaxDescriptionLength].TrimEnd();
    }

    private LessonMedia NewEntry(int lessonId, string path, MediaAsset asset, string description, StudioActor actor) => new()
    {
        LessonId = lessonId, Path = path, MediaAssetId = asset.Id, Kind = asset.Kind, Description = CleanDescription(description),
        AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Id,
    };

    private static LibraryItem ToItem(string path, string description, MediaAsset asset, bool inUse) =>
        new(path, asset.Kind, description, asset.Kind == MediaKind.Image ? MediaUrls.ImageFallbackUrl(asset) : MediaUrls.FileUrl(asset),
            asset.Width, asset.Height, asset.Bytes, inUse);

    private async Task<LibraryItem?> ItemAsync(LearningDbContext db, int lessonId, string path, CancellationToken ct)
    {
        var row = await db.LessonMedia().AsNoTracking().Where(m => m.LessonId == lessonId && m.Path == path)
            .Select(m => new { m.Path, m.Description, m.Asset }).FirstOrDefaultAsync(ct);
        return row is null ? null : ToItem(row.Path, row.Description, row.Asset, (await UsedPathsAsync(db, lessonId, ct)).Contains(path));
    }

    /// <summary>The paths the working copy uses: body references (with the captions of body videos) and metadata files.</summary>
    private async Task<HashSet<string>> UsedPathsAsync(LearningDbContext db, int lessonId, CancellationToken ct)
    {
        var draft = await db.LessonDrafts().AsNoTracking().FirstOrDefaultAsync(d => d.LessonId == lessonId, ct);
        if (draft is null)
            return [];
        var content = draft.ToContent();
        var used = new HashSet<string>(content.MetadataPaths(), StringComparer.Ordinal);
        foreach (var path in markdown.LocalReferences(content.Body))
        {
            used.Add(path);
            used.Add(LessonMarkdown.CaptionsPathFor(path));
        }
        return used;
    }
}
