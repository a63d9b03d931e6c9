namespace HoaHung.Learning.Markdown;

/// <summary>Resolves files a lesson references (paths as written in Markdown, relative to the lesson folder).</summary>
public interface ILessonAssets
{
    ImageAsset? Image(string path);
    VideoAsset? Video(string path);
}

/// <param name="Src">Fallback URL (JPEG/PNG); must be site-relative or absolute https.</param>
public sealed record ImageAsset(string Src, int Width, int Height, IReadOnlyList<ImageSource> Sources)
{
    /// <summary>
    /// The WebP renditions as one <c>srcset</c> value, narrowest first (<c>"/media/k-360.webp 360w, …"</c>), not yet
    /// HTML-escaped; a source with no width, an invisible character or a comma (it would split the list) is left out.
    /// Empty when none is left: then there is no <c>&lt;source&gt;</c>.
    /// </summary>
    public string SrcSet => string.Join(", ", Sources
        .Where(s => s.Width > 0 && SafeLink.HasOnlyVisibleCharacters(s.Url) && !s.Url.Contains(','))
        .OrderBy(s => s.Width)
        .Select(s => $"{s.Url} {s.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}w"));
}

/// <summary>A WebP rendition; an asset lists them in ascending widths.</summary>
public sealed record ImageSource(int Width, string Url);

public sealed record VideoAsset(string Src, string ContentType, string? CaptionsSrc, string? PosterSrc);
