using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary><c>&lt;https://…&gt;</c> and <c>&lt;a@b.vn&gt;</c>; <c>&lt;javascript:…&gt;</c> stays as text.</summary>
internal sealed class AutolinkRenderer(RenderState state) : HtmlObjectRenderer<AutolinkInline>
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline autolink)
    {
        var safe = SafeLink.From(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
        if (safe is null || state.LinkDepth > 0)
        {
            renderer.WriteEscape(autolink.Url);
            return;
        }

        LinkRenderer.WriteOpening(renderer, safe);
        renderer.WriteEscape(autolink.Url).Write("</a>");
    }
}
