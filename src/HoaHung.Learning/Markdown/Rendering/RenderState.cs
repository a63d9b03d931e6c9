using System.Runtime.ExceptionServices;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>What one render call accumulates; the renderers holding it are created per call.</summary>
internal sealed class RenderState(ILessonAssets assets)
{
    private readonly List<string> missing = [];
    private readonly HashSet<string> missingSeen = new(StringComparer.Ordinal);
    private bool imageWritten;

    public IReadOnlyList<string> MissingFiles => missing;

    /// <summary>The image the current paragraph consists of, rendered as a figure instead of inline.</summary>
    public LinkInline? Standalone { get; set; }

    /// <summary>Above zero inside link text, where players (interactive content) are not allowed.</summary>
    public int LinkDepth { get; set; }

    /// <summary>An asset lookup that failed (database, disk): Render rethrows it instead of falling back to text.</summary>
    public ExceptionDispatchInfo? AssetFailure { get; private set; }

    public ImageAsset? Image(string path) => Lookup(() => assets.Image(path));

    public VideoAsset? Video(string path) => Lookup(() => assets.Video(path));

    public void Missing(string path)
    {
        if (missingSeen.Add(path)) missing.Add(path);
    }

    /// <summary>True exactly once: for the first picture of the document.</summary>
    public bool TakeFirstImage()
    {
        var first = !imageWritten;
        imageWritten = true;
        return first;
    }

    private T? Lookup<T>(Func<T?> lookup) where T : class
    {
        try
        {
            return lookup();
        }
        catch (Exception e)
        {
            AssetFailure = ExceptionDispatchInfo.Capture(e);
            throw new AssetLookupFailedException(e);
        }
    }
}

internal sealed class AssetLookupFailedException(Exception inner) : Exception("A lesson asset lookup failed.", inner);

/// <summary>Thrown by <see cref="BoundedHtmlWriter"/>: input that expands past the limit (one long URL referenced thousands of times).</summary>
internal sealed class HtmlTooLargeException() : Exception("The rendered lesson is larger than the limit.");
