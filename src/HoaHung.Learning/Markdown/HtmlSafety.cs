using Ganss.Xss;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// The second wall (ARCHITECTURE.md §6): whatever the renderer produced, only the tags, attributes, classes
/// and URL schemes it is meant to produce get through.
/// </summary>
public static class HtmlSafety
{
    private const string YouTubeEmbed = "https://www.youtube-nocookie.com/embed/";

    private static readonly HtmlSanitizerOptions Options = new()
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre",
            "blockquote", "hr", "br", "a", "figure", "figcaption", "picture", "source", "img", "video", "track", "iframe",
            "table", "thead", "tbody", "tr", "th", "td", "aside", "div", "span",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "href", "rel", "title", "start", "type", "srcset", "sizes", "src", "alt", "width", "height", "loading", "decoding",
            "fetchpriority", "controls", "preload", "playsinline", "poster", "kind", "srclang", "label", "default", "allow",
            "allowfullscreen", "referrerpolicy", "align", "class", "role",
        },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "poster" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(StringComparer.Ordinal)
        {
            "steps", "callout", "callout--prepare", "callout--tip", "callout--note", "callout--warning", "callout--remember",
            "callout__title", "lesson-figure", "lesson-video", "lesson-video--youtube", "missing-media", "block",
        },
    };

    /// <summary>Configured once; a sanitizer per call keeps the shared state read-only (renders are cached anyway).</summary>
    public static string Sanitize(string html)
    {
        var sanitizer = new HtmlSanitizer(Options);
        sanitizer.AllowDataAttributes = false;
        sanitizer.FilterUrl += (_, e) =>
        {
            // Frames only ever show YouTube's privacy-enhanced player.
            if (string.Equals(e.Tag.TagName, "iframe", StringComparison.OrdinalIgnoreCase)
                && !(e.SanitizedUrl ?? "").StartsWith(YouTubeEmbed, StringComparison.Ordinal))
                e.SanitizedUrl = null;
            // Protocol-relative URLs would load from another host.
            if ((e.SanitizedUrl ?? "").StartsWith("//", StringComparison.Ordinal))
                e.SanitizedUrl = null;
        };
        return sanitizer.Sanitize(html);
    }
}
