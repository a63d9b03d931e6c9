using System.Net;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown;

/// <summary>Links keep only safe targets (the text stays when the target goes); pictures and videos resolve locally.</summary>
internal sealed class SafeLinkRenderer(RenderState state) : HtmlObjectRenderer<LinkInline>
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage)
        {
            renderer.Write(MediaHtml.Inline(link, state));
            return;
        }
        if (!SafeUrls.IsSafeLink(link.GetDynamicUrl?.Invoke() ?? link.Url, out var url))
        {
            renderer.WriteChildren(link);
            return;
        }
        renderer.Write("<a href=\"").Write(WebUtility.HtmlEncode(url)).Write('"');
        if (!string.IsNullOrEmpty(link.Title))
            renderer.Write(" title=\"").Write(WebUtility.HtmlEncode(link.Title)).Write('"');
        if (SafeUrls.IsExternal(url))
            renderer.Write(" rel=\"noopener noreferrer nofollow\"");
        renderer.Write('>');
        renderer.WriteChildren(link);
        renderer.Write("</a>");
    }
}

internal sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        var target = link.IsEmail ? "mailto:" + link.Url : link.Url;
        if (!SafeUrls.IsSafeLink(target, out var url))
        {
            renderer.WriteEscape(link.Url);
            return;
        }
        renderer.Write("<a href=\"").Write(WebUtility.HtmlEncode(url)).Write('"');
        if (SafeUrls.IsExternal(url))
            renderer.Write(" rel=\"noopener noreferrer nofollow\"");
        renderer.Write('>').WriteEscape(link.Url).Write("</a>");
    }
}

/// <summary>A picture or video alone in its paragraph becomes a &lt;figure&gt; (not a figure inside a &lt;p&gt;).</summary>
internal sealed class FigureParagraphRenderer(RenderState state) : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
    {
        if (paragraph.Inline?.FirstChild is LinkInline { IsImage: true } image && image.NextSibling is null)
        {
            renderer.EnsureLine();
            renderer.Write(MediaHtml.Figure(image, state));
            renderer.EnsureLine();
            return;
        }
        base.Write(renderer, paragraph);
    }
}

/// <summary><c>:::steps</c> and the callouts of content/README.md; any other name is a plain block.</summary>
internal sealed class ContainerRenderer : HtmlObjectRenderer<CustomContainer>
{
    private static readonly Dictionary<string, string> Callouts = new(StringComparer.Ordinal)
    {
        ["prepare"] = "Bạn cần chuẩn bị",
        ["tip"] = "Mẹo",
        ["note"] = "Lưu ý",
        ["warning"] = "Cảnh báo",
        ["remember"] = "Ghi nhớ",
    };

    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        renderer.EnsureLine();
        var kind = container.Info?.Trim().ToLowerInvariant() ?? "";
        if (kind == "steps")
        {
            renderer.Write("<div class=\"steps\">");
            renderer.WriteChildren(container);
            renderer.Write("</div>");
        }
        else if (Callouts.TryGetValue(kind, out var defaultTitle))
        {
            var title = string.IsNullOrWhiteSpace(container.Arguments) ? defaultTitle : container.Arguments.Trim();
            renderer.Write($"<aside class=\"callout callout--{kind}\" role=\"note\"><p class=\"callout__title\">");
            renderer.WriteEscape(title);
            renderer.Write("</p>");
            renderer.WriteChildren(container);
            renderer.Write("</aside>");
        }
        else
        {
            renderer.Write("<div class=\"block\">");
            renderer.WriteChildren(container);
            renderer.Write("</div>");
        }
        renderer.EnsureLine();
    }
}
