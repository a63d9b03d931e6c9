using HoaHung.Learning.Markdown.Rendering;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// Lesson bodies from Markdown to safe HTML. A singleton: the pipeline and the sanitizer are built
/// once and are safe to share; everything a single render accumulates lives in that call.
/// </summary>
public sealed class LessonMarkdown(ILogger<LessonMarkdown>? logger = null)
{
    /// <summary>
    /// Output ceiling. A 1 MB lesson renders to 1.3 MB (prose) to 4.7 MB (a picture every 150 characters);
    /// beyond this is expansion, such as one long reference URL used thousands of times.
    /// </summary>
    private const int MaxHtmlLength = 6_000_000;

    private readonly MarkdownPipeline pipeline = LessonPipeline.Build();
    private readonly LessonSanitizer sanitizer = new();
    private readonly ILogger logger = logger ?? NullLogger<LessonMarkdown>.Instance;

    /// <summary>Renders a lesson body. Never throws for any text; only a failing <paramref name="assets"/> lookup propagates.</summary>
    public RenderedMarkdown Render(string markdown, ILessonAssets assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var text = InputScreen.Clean(markdown);
        if (Parse(text) is not { } document) return AsPlainText(text);

        var state = new RenderState(assets);
        try
        {
            HeadingOutline.Apply(document);
            var writer = new BoundedHtmlWriter(MaxHtmlLength) { NewLine = "\n" };
            LessonHtmlRenderer.Render(document, pipeline, state, writer);
            var html = sanitizer.Sanitize(writer.ToString());
            return new RenderedMarkdown(html, PlainText.Of(document), state.MissingFiles);
        }
        catch (AssetLookupFailedException)
        {
            state.AssetFailure?.Throw();
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Lesson Markdown shown as plain text: rendering failed");
            return AsPlainText(text);
        }
    }

    /// <summary>The body's plain text alone (what <see cref="Render"/> returns as PlainText), for the search index.</summary>
    public string PlainTextOf(string markdown)
    {
        var text = InputScreen.Clean(markdown);
        return Parse(text) is { } document ? PlainText.Of(document) : PlainText.Collapse(text);
    }

    /// <summary>
    /// Local files (relative paths) referenced by images/videos in the body, de-duplicated, in order —
    /// the importer uses this to know which files to process. Paths that would leave the lesson folder are never listed.
    /// </summary>
    public IReadOnlyList<string> LocalReferences(string markdown)
    {
        if (Parse(InputScreen.Clean(markdown)) is not { } document) return [];

        var references = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var path = MediaTarget.From(image.Url) switch
            {
                MediaTarget.LocalImage local => local.Path,
                MediaTarget.LocalVideo local => local.Path,
                _ => null,
            };
            if (path is not null && seen.Add(path)) references.Add(path);
        }
        return references;
    }

    /// <summary>
    /// Up to <paramref name="max"/> numbered steps of a body as plain text (no HTML, no Markdown, no pictures), each at
    /// most <paramref name="maxLength"/> characters. Never throws for any text; a body that cannot be parsed has none.
    /// </summary>
    public IReadOnlyList<string> Steps(string markdown, int max, int maxLength) =>
        Parse(InputScreen.Clean(markdown)) is { } document ? LessonSteps.Of(document, max, maxLength) : [];

    /// <summary>For each local picture the body shows, the first description (alt text) it is given: "buoc-1.png" → "Màn hình…".</summary>
    public IReadOnlyDictionary<string, string> ImageDescriptions(string markdown)
    {
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Parse(InputScreen.Clean(markdown)) is not { } document) return descriptions;
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            if (MediaTarget.From(image.Url) is MediaTarget.LocalImage local && InlineText.Of(image).Trim() is { Length: > 0 } alt)
                descriptions.TryAdd(local.Path, alt);
        }
        return descriptions;
    }

    /// <summary>The captions file the README pairs with a body video: "quet-ma.mp4" → "quet-ma.vi.vtt".</summary>
    public static string CaptionsPathFor(string videoPath) => MediaTarget.CaptionsPathFor(videoPath);

    /// <summary>The page-level player for a lesson's front-matter video (same markup as a body video); sanitized HTML.</summary>
    public string RenderVideo(VideoAsset video, string title)
    {
        ArgumentNullException.ThrowIfNull(video);
        return sanitizer.Sanitize(MediaMarkup.Video(video, InputScreen.Clean(title), block: true));
    }

    /// <summary>Returns "" for a URL that is not an allowed YouTube URL.</summary>
    public string RenderYouTube(string url, string title) =>
        YouTubeId(url) is { } id
            ? sanitizer.Sanitize(MediaMarkup.YouTubePlayer(id, InputScreen.Clean(title), block: true))
            : "";

    /// <summary>youtube.com/watch?v=, youtu.be/, youtube.com/embed/, shorts; the id must match [A-Za-z0-9_-]{11}.</summary>
    public static string? YouTubeId(string url) => YouTube.IdFrom(url);

    private MarkdownDocument? Parse(string text)
    {
        if (InputScreen.Problem(text) is { } problem)
        {
            logger.LogWarning("Lesson Markdown shown as plain text: {Problem}", problem);
            return null;
        }

        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig refuses nesting deeper than its limit (10,000 '>' or '[') with an exception.
            logger.LogWarning(e, "Lesson Markdown shown as plain text: Markdig could not parse it");
            return null;
        }
    }

    private static RenderedMarkdown AsPlainText(string text) =>
        new($"<p>{Html.Escape(text)}</p>", PlainText.Collapse(text), []);
}
