using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// Renders lesson Markdown (content/README.md) to HTML that is safe to put in a page: raw HTML is off (shown
/// as text), only safe link schemes survive, local pictures become responsive WebP &lt;picture&gt; elements,
/// and everything goes through an allow-list sanitizer as a second wall. Thread-safe; register as a singleton.
/// </summary>
public sealed class LessonMarkdown
{
    private const int MaxInputChars = 1024 * 1024;
    private const int RenderStackBytes = 256 * 1024 * 1024;

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseCustomContainers()
        .Build();

    public RenderedMarkdown Render(string markdown, ILessonAssets assets)
    {
        markdown = Limit(markdown);
        RenderedMarkdown? result = null;
        // Hostile input can nest thousands of levels deep; the parser and renderer recurse, and a stack overflow
        // cannot be caught. A dedicated thread with a large stack makes depth a memory question, not a crash.
        var thread = new Thread(() =>
        {
            try { result = RenderCore(markdown, assets); }
            catch (Exception) { result = null; } // pathological input: fall back to plain encoded text below
        }, RenderStackBytes);
        thread.Start();
        thread.Join();
        return result ?? new RenderedMarkdown($"<p>{WebUtility.HtmlEncode(markdown)}</p>", markdown, []);
    }

    /// <summary>Local files (relative paths) referenced by pictures and videos in the body, de-duplicated, in order.</summary>
    public IReadOnlyList<string> LocalReferences(string markdown)
    {
        var doc = Markdig.Markdown.Parse(Limit(markdown), pipeline);
        return doc.Descendants<LinkInline>()
            .Where(l => l.IsImage && SafeUrls.IsLocalFile(l.Url))
            .Select(l => l.Url!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The page-level player for a lesson's own video: same markup as a video in the body, sanitized.</summary>
    public string RenderVideo(VideoAsset video, string title) => HtmlSafety.Sanitize(MediaHtml.Video(video, title, caption: false));

    /// <summary>A youtube-nocookie player for an allowed YouTube URL; empty for anything else.</summary>
    public string RenderYouTube(string url, string title) =>
        YouTubeId(url) is { } id ? HtmlSafety.Sanitize(MediaHtml.YouTube(id, title)) : "";

    public static string? YouTubeId(string url) => SafeUrls.YouTubeId(url);

    private RenderedMarkdown RenderCore(string markdown, ILessonAssets assets)
    {
        var doc = Markdig.Markdown.Parse(markdown, pipeline);
        DemoteHeadings(doc);
        var state = new RenderState(assets);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkRenderer(state));
        renderer.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkRenderer());
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer(state));
        renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new ContainerRenderer());
        renderer.Render(doc);
        writer.Flush();
        var html = HtmlSafety.Sanitize(writer.ToString());
        return new RenderedMarkdown(html, PlainText(markdown), state.Missing.Distinct().ToList());
    }

    private string PlainText(string markdown)
    {
        var text = Markdig.Markdown.ToPlainText(markdown, pipeline);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The page owns the only &lt;h1&gt; (the lesson title): body headings start at &lt;h2&gt;.</summary>
    private static void DemoteHeadings(MarkdownDocument doc)
    {
        var headings = doc.Descendants<HeadingBlock>().ToList();
        if (!headings.Any(h => h.Level == 1))
            return;
        foreach (var h in headings)
            h.Level = Math.Min(6, h.Level + 1);
    }

    private static string Limit(string? markdown)
    {
        markdown ??= "";
        return markdown.Length <= MaxInputChars ? markdown : markdown[..MaxInputChars];
    }
}

internal sealed class RenderState(ILessonAssets assets)
{
    public ILessonAssets Assets { get; } = assets;
    public List<string> Missing { get; } = [];
    public bool FirstImage { get; set; } = true;
}
