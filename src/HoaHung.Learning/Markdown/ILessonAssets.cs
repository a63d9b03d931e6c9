namespace HoaHung.Learning.Markdown;

/// <summary>Resolves files a lesson references (paths as written in Markdown, relative to the lesson folder).</summary>
public interface ILessonAssets
{
    ImageAsset? Image(string path);
    VideoAsset? Video(string path);
}

/// <param name="Src">Fallback URL (JPEG/PNG); must be site-relative or absolute https.</param>
public sealed record ImageAsset(string Src, int Width, int Height, IReadOnlyList<ImageSource> Sources);

/// <summary>A WebP rendition; an asset lists them in ascending widths.</summary>
public sealed record ImageSource(int Width, string Url);

public sealed record VideoAsset(string Src, string ContentType, string? CaptionsSrc, string? PosterSrc);
