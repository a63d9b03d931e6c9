using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Media;

/// <summary>
/// Adds uploaded images, videos and captions to the library. The same bytes are stored once: uploading them again
/// returns the existing asset and writes nothing. Files are written first and the row last, so a row never points
/// at a missing file; each Add method calls <c>SaveChanges</c> itself, which also saves anything else pending on the
/// same context — call it on a context with no unrelated pending changes.
/// </summary>
public sealed class MediaLibrary(
    LearningDbContext db,
    IImageProcessor images,
    IMediaStore store,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaLibrary> log)
{
    private const int CopyBufferSize = 81920;
    private readonly MediaOptions limits = options.Value;

    /// <summary>Checks, re-encodes (WebP renditions plus a JPEG/PNG fallback) and stores an image.</summary>
    public async Task<MediaResult> AddImageAsync(byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > limits.MaxImageBytes)
            return Reject(MediaKind.Image, bytes.Length, MediaReasons.ImageTooLarge);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await FindAsync(sha, ct) is { } existing)
            return Existing(existing, MediaKind.Image);

        var result = await images.ProcessAsync(bytes, ct);
        if (result is ImageProcessingResult.Rejected rejected)
            return Reject(MediaKind.Image, bytes.Length, rejected.ReasonKey);
        var processed = (ImageProcessingResult.Processed)result;

        var key = MediaFileNames.NewKey();
        var files = new List<string>();
        try
        {
            foreach (var rendition in processed.WebP)
                await WriteAsync(MediaFileNames.Rendition(key, rendition.Width), rendition.Bytes, files, ct);
            await WriteAsync(MediaFileNames.WithExtension(key, processed.Fallback.Extension), processed.Fallback.Bytes, files, ct);
        }
        catch (Exception e)
        {
            DeleteQuietly(files);
            if (DiskFull.Is(e))
                return Reject(MediaKind.Image, bytes.Length, MediaReasons.DiskFull);
            throw;
        }

        return await SaveAsync(new MediaAsset
        {
            Id = Guid.NewGuid(),
            Kind = MediaKind.Image,
            Sha256 = sha,
            StorageKey = key,
            ContentType = processed.Fallback.ContentType,
            FallbackExtension = processed.Fallback.Extension,
            Bytes = processed.Fallback.Bytes.Length,
            Width = processed.Width,
            Height = processed.Height,
            Renditions = string.Join(',', processed.WebP.Select(r => r.Width)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, files, ct);
    }

    /// <summary>
    /// Stores an MP4 or WebM video, streamed to a temporary file while it is hashed (never held in memory); refused
    /// as soon as its first bytes are not a known container or it grows past <see cref="MediaOptions.MaxVideoBytes"/>.
    /// </summary>
    public async Task<MediaResult> AddVideoAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var upload = store.BeginUpload();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[VideoProbe.HeaderLength];
        var headLength = 0;
        long total = 0;
        VideoFormat? format = null;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), ct)) > 0)
            {
                total += read;
                if (total > limits.MaxVideoBytes)
                    return Reject(MediaKind.Video, total, MediaReasons.VideoTooLarge);
                if (format is null)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    if (headLength == head.Length && (format = VideoProbe.Detect(head)) is null)
                        return Reject(MediaKind.Video, total, MediaReasons.VideoUnsupportedFormat);
                }
                hash.AppendData(buffer, 0, read);
                await upload.Content.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            return Reject(MediaKind.Video, total, MediaReasons.DiskFull); // disposing the upload deletes its part
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        format ??= VideoProbe.Detect(head.AsSpan(0, headLength));
        if (format is not { } video)
            return Reject(MediaKind.Video, total, MediaReasons.VideoUnsupportedFormat);

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (await FindAsync(sha, ct) is { } existing)
            return Existing(existing, MediaKind.Video);

        var key = MediaFileNames.NewKey();
        var name = MediaFileNames.WithExtension(key, VideoProbe.Extension(video));
        try
        {
            await upload.CommitAsync(name, ct);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            return Reject(MediaKind.Video, total, MediaReasons.DiskFull);
        }
        if (limits.MakeRenditions && await VideoRenditions.PlaysAsync(store.PhysicalPath(name), ct) == false)
        {
            DeleteQuietly([name]);
            return Reject(MediaKind.Video, total, MediaReasons.VideoBroken);
        }
        return await SaveAsync(new MediaAsset
        {
            Id = Guid.NewGuid(),
            Kind = MediaKind.Video,
            Sha256 = sha,
            StorageKey = key,
            ContentType = VideoProbe.ContentType(video),
            Bytes = total,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, [name], ct);
    }

    /// <summary>Stores a WebVTT file, rewritten by <see cref="CaptionsCheck"/> (cues only, safe tags, UTF-8, "\n").</summary>
    public async Task<MediaResult> AddCaptionsAsync(byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var check = CaptionsCheck.Check(bytes, limits.MaxCaptionsBytes);
        if (check is CaptionsCheckResult.Rejected rejected)
            return Reject(MediaKind.Captions, bytes.Length, rejected.ReasonKey);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (await FindAsync(sha, ct) is { } existing)
            return Existing(existing, MediaKind.Captions);

        var text = Encoding.UTF8.GetBytes(((CaptionsCheckResult.Accepted)check).Text);
        var key = MediaFileNames.NewKey();
        var files = new List<string>();
        try
        {
            await WriteAsync(MediaFileNames.WithExtension(key, "vtt"), text, files, ct);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            return Reject(MediaKind.Captions, bytes.Length, MediaReasons.DiskFull);
        }
        return await SaveAsync(new MediaAsset
        {
            Id = Guid.NewGuid(),
            Kind = MediaKind.Captions,
            Sha256 = sha,
            StorageKey = key,
            ContentType = MediaContentTypes.Vtt,
            Bytes = text.Length,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, files, ct);
    }

    private Task<MediaAsset?> FindAsync(string sha, CancellationToken ct) =>
        db.MediaAssets.FirstOrDefaultAsync(a => a.Sha256 == sha, ct);

    // The same bytes cannot be a valid file of two kinds (an image uploaded as captions): refuse as the wrong format.
    private MediaResult Existing(MediaAsset existing, MediaKind kind) =>
        existing.Kind == kind ? new MediaResult.Stored(existing) : Reject(kind, existing.Bytes, kind switch
        {
            MediaKind.Image => MediaReasons.ImageUnsupportedFormat,
            MediaKind.Video => MediaReasons.VideoUnsupportedFormat,
            _ => MediaReasons.CaptionsMissingHeader,
        });

    private async Task WriteAsync(string name, byte[] content, List<string> written, CancellationToken ct)
    {
        await store.WriteAsync(name, content, ct);
        written.Add(name);
    }

    private async Task<MediaResult> SaveAsync(MediaAsset asset, IReadOnlyList<string> files, CancellationToken ct)
    {
        db.MediaAssets.Add(asset);
        try
        {
            await db.SaveChangesAsync(ct);
            return new MediaResult.Stored(asset);
        }
        catch (Exception e)
        {
            db.Entry(asset).State = EntityState.Detached;
            DeleteQuietly(files);
            // Two people uploading the same file at once: the unique index on Sha256 lets one row win; return it.
            if (e is DbUpdateException && await FindAsync(asset.Sha256, CancellationToken.None) is { } winner)
                return Existing(winner, asset.Kind);
            throw;
        }
    }

    private void DeleteQuietly(IEnumerable<string> files)
    {
        foreach (var name in files)
        {
            try
            {
                store.Delete(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogError(e, "Could not delete orphaned media file {Name}", name);
            }
        }
    }

    private MediaResult.Rejected Reject(MediaKind kind, long bytes, string reason)
    {
        log.LogWarning("Rejected {Kind} upload of {Bytes} bytes: {Reason}", kind, bytes, reason);
        return new MediaResult.Rejected(reason);
    }
}
