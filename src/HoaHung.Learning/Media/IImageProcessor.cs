namespace HoaHung.Learning.Media;

/// <summary>
/// Turns uploaded image bytes into the files the site serves. The one seam around the image engine
/// (docs/architecture.md §6b): nothing outside <see cref="VipsImageProcessor"/> knows about NetVips.
/// </summary>
public interface IImageProcessor
{
    /// <summary>
    /// Checks, auto-orients, strips metadata and re-encodes. Invalid, hostile or corrupt input gives
    /// <see cref="ImageProcessingResult.Rejected"/>, never an exception.
    /// </summary>
    Task<ImageProcessingResult> ProcessAsync(byte[] bytes, CancellationToken ct);
}

public abstract record ImageProcessingResult
{
    private ImageProcessingResult() { }

    /// <param name="Width">Width of the largest rendition (the fallback): what the page shows at most.</param>
    /// <param name="Height">Height of the largest rendition.</param>
    /// <param name="WebP">WebP renditions, narrowest first.</param>
    /// <param name="Fallback">JPEG, or PNG when the image has transparency, at the largest rendition's size.</param>
    public sealed record Processed(int Width, int Height, IReadOnlyList<ImageRendition> WebP, ImageRendition Fallback)
        : ImageProcessingResult;

    /// <param name="ReasonKey">One of <see cref="MediaReasons"/>.</param>
    public sealed record Rejected(string ReasonKey) : ImageProcessingResult;
}

/// <summary>One encoded file: its pixel size, content type, extension (without dot) and bytes.</summary>
public sealed record ImageRendition(int Width, int Height, string ContentType, string Extension, byte[] Bytes);
