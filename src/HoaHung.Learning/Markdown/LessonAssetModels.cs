namespace HoaHung.Learning.Markdown;

/// <summary>Resolves files a lesson references (paths as written in Markdown, relative to the lesson folder).</summary>
public interface ILessonAssets
{
    ImageAsset? Image(string path);
    VideoAsset? Video(string path);
}

/// <summary>A stored picture: <see cref="Src"/> is the fallback (JPEG/PNG); <see cref="Sources"/> the WebP widths, ascending.</summary>
public sealed record ImageAsset(string Src, int Width, int Height, IReadOnlyList<ImageSource> Sources);

public sealed record ImageSource(int Width, string Url);

public sealed record VideoAsset(string Src, string ContentType, string? CaptionsSrc, string? PosterSrc);

public sealed record RenderedMarkdown(string Html, string PlainText, IReadOnlyList<string> MissingFiles);

/// <summary>An <see cref="ILessonAssets"/> that resolves nothing: every local file is reported missing.</summary>
public sealed class NoAssets : ILessonAssets
{
    public static readonly NoAssets Instance = new();
    public ImageAsset? Image(string path) => null;
    public VideoAsset? Video(string path) => null;
}
