using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary><c>:::steps</c>, the five callouts, and a plain block for any other name.</summary>
internal sealed class ContainerRenderer : HtmlObjectRenderer<CustomContainer>
{
    private static readonly Dictionary<string, string> DefaultTitles = new(StringComparer.Ordinal)
    {
        ["prepare"] = "Bạn cần chuẩn bị",
        ["tip"] = "Mẹo",
        ["note"] = "Lưu ý",
        ["warning"] = "Cảnh báo",
        ["remember"] = "Ghi nhớ",
    };

    public static IEnumerable<string> CalloutKinds => DefaultTitles.Keys;

    protected override void Write(HtmlRenderer renderer, CustomContainer container)
    {
        var name = container.Info?.Trim().ToLowerInvariant() ?? "";
        renderer.EnsureLine();

        if (DefaultTitles.TryGetValue(name, out var defaultTitle))
        {
            var title = string.IsNullOrWhiteSpace(container.Arguments) ? defaultTitle : container.Arguments.Trim();
            // The name is one of five known words here, never text from the author.
            renderer.Write($"<aside class=\"callout callout--{name}\" role=\"note\">")
                .Write($"<p class=\"callout__title\">{Html.Escape(title)}</p>").WriteLine();
            renderer.WriteChildren(container);
            renderer.EnsureLine().WriteLine("</aside>");
            return;
        }

        // The steps are numbered by the stylesheet; an unknown name gets no class from the input at all.
        renderer.WriteLine(name == "steps" ? "<div class=\"steps\">" : "<div class=\"block\">");
        renderer.WriteChildren(container);
        renderer.EnsureLine().WriteLine("</div>");
    }
}
