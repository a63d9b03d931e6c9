using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>Links that pass the link policy, and images, which become pictures, players or notes.</summary>
internal sealed class LinkRenderer(RenderState state) : HtmlObjectRenderer<LinkInline>
{
    public const string ExternalRel = "noopener noreferrer nofollow";

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage)
        {
            WriteMedia(renderer, link);
            return;
        }

        var safe = SafeLink.From(link.GetDynamicUrl?.Invoke() ?? link.Url);
        if (safe is null || state.LinkDepth > 0)
        {
            renderer.WriteChildren(link); // the words stay, the link goes
            return;
        }

        WriteOpening(renderer, safe, link.Title);
        state.LinkDepth++;
        renderer.WriteChildren(link);
        state.LinkDepth--;
        renderer.Write("</a>");
    }

    public static void WriteOpening(HtmlRenderer renderer, SafeLink link, string? title = null)
    {
        renderer.Write("<a href=\"").WriteEscapeUrl(link.Href).Write('"');
        if (!string.IsNullOrEmpty(title)) renderer.Write(" title=\"").WriteEscape(title).Write('"');
        if (link.IsExternal) renderer.Write(" rel=\"" + ExternalRel + "\"");
        renderer.Write('>');
    }

    private void WriteMedia(HtmlRenderer renderer, LinkInline image)
    {
        var alt = PlainText.Collapse(InlineText.Of(image));
        var block = ReferenceEquals(state.Standalone, image);
        var insideLink = state.LinkDepth > 0;

        switch (MediaTarget.From(image.Url))
        {
            case MediaTarget.ExternalLink external when !insideLink:
                WriteOpening(renderer, SafeLink.From(external.Url)!);
                renderer.WriteEscape(alt.Length > 0 ? alt : external.Url).Write("</a>");
                break;
            case MediaTarget.YouTubeVideo youTube when !insideLink:
                renderer.Write(MediaMarkup.YouTubePlayer(youTube.Id, alt, block));
                break;
            case MediaTarget.LocalImage local:
                if (state.Image(local.Path) is { } picture)
                    renderer.Write(MediaMarkup.Picture(picture, alt, eager: state.TakeFirstImage(), block));
                else
                    WriteMissing(renderer, local.Path, alt, block);
                break;
            case MediaTarget.LocalVideo local:
                var video = state.Video(local.Path);
                if (video is null) WriteMissing(renderer, local.Path, alt, block);
                else if (insideLink) renderer.WriteEscape(alt);
                else renderer.Write(MediaMarkup.Video(video, alt, block));
                break;
            case MediaTarget.UnsafePath unsafePath:
                WriteMissing(renderer, unsafePath.Path, alt, block);
                break;
            case MediaTarget.Refused when alt.Length > 0:
                renderer.Write(MediaMarkup.Missing(alt, block));
                break;
            case MediaTarget.ExternalLink or MediaTarget.YouTubeVideo:
                renderer.WriteEscape(alt); // a player or a second link inside a link is invalid HTML
                break;
        }
    }

    private void WriteMissing(HtmlRenderer renderer, string path, string alt, bool block)
    {
        state.Missing(path);
        renderer.Write(MediaMarkup.Missing(alt.Length > 0 ? alt : path, block));
    }
}
