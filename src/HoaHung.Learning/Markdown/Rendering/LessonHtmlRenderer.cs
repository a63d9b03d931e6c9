using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>Builds the HTML renderer for one render call: Markdig's renderers, with the lesson's own in place of five.</summary>
internal static class LessonHtmlRenderer
{
    public static void Render(MarkdownDocument document, MarkdownPipeline pipeline, RenderState state, TextWriter writer)
    {
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);

        var renderers = renderer.ObjectRenderers;
        Replace<LinkInlineRenderer>(renderers, new LinkRenderer(state));
        Replace<AutolinkInlineRenderer>(renderers, new AutolinkRenderer(state));
        Replace<Markdig.Renderers.Html.ParagraphRenderer>(renderers, new ParagraphRenderer(state));
        Replace<HtmlCustomContainerRenderer>(renderers, new ContainerRenderer());
        Replace<HtmlTableRenderer>(renderers, new TableRenderer());

        renderer.Render(document);
        writer.Flush();
    }

    private static void Replace<T>(OrderedList<IMarkdownObjectRenderer> renderers, IMarkdownObjectRenderer replacement)
        where T : IMarkdownObjectRenderer
    {
        // Failing loudly matters: a Markdig upgrade that renamed a renderer would otherwise
        // silently bring back its default link or image output.
        if (!renderers.Replace<T>(replacement))
            throw new InvalidOperationException($"Markdig renderer {typeof(T).Name} not found to replace.");
    }
}
