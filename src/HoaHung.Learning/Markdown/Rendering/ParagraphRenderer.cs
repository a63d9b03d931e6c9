using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>
/// A paragraph that is only a picture or a player renders as the figure alone: a figure inside
/// a <c>&lt;p&gt;</c> is invalid HTML, and browsers would split the paragraph around it.
/// </summary>
internal sealed class ParagraphRenderer(RenderState state) : HtmlObjectRenderer<ParagraphBlock>
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        var media = StandaloneMedia(paragraph);
        var isBlock = !renderer.ImplicitParagraph || media is not null;
        var wrap = !renderer.ImplicitParagraph && media is null;

        if (isBlock && !renderer.IsFirstInContainer) renderer.EnsureLine();
        if (wrap) renderer.Write("<p>");
        state.Standalone = media;
        renderer.WriteLeafInline(paragraph);
        state.Standalone = null;
        if (wrap) renderer.WriteLine("</p>");
        if (isBlock) renderer.EnsureLine();
    }

    private static LinkInline? StandaloneMedia(ParagraphBlock paragraph)
    {
        LinkInline? image = null;
        for (var inline = paragraph.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                case LineBreakInline:
                    continue;
                case LinkInline { IsImage: true } candidate when image is null:
                    image = candidate;
                    continue;
                default:
                    return null;
            }
        }
        return image is not null && MediaTarget.From(image.Url).IsBlock ? image : null;
    }
}
