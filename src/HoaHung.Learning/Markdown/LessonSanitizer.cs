using AngleSharp.Dom;
using Ganss.Xss;
using HoaHung.Learning.Markdown.Rendering;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// The second wall: whatever the renderers wrote, only these tags, attributes, classes and URLs leave.
/// One instance is shared by all threads: HtmlSanitizer documents Sanitize() as thread-safe as long as
/// its settings are not changed meanwhile (README "Thread safety", mganss/HtmlSanitizer#227), and they
/// are only set here, in the constructor; the handlers below keep no state.
/// </summary>
internal sealed class LessonSanitizer
{
    private static readonly Dictionary<string, HashSet<string>> AttributesByTag = Build(new()
    {
        ["p"] = ["class"],
        ["h2"] = ["id"],
        ["h3"] = ["id"],
        ["h4"] = ["id"],
        ["h5"] = ["id"],
        ["h6"] = ["id"],
        ["ul"] = [],
        ["ol"] = ["start"],
        ["li"] = [],
        ["strong"] = [],
        ["em"] = [],
        ["del"] = [],
        ["code"] = [],
        ["pre"] = [],
        ["blockquote"] = [],
        ["hr"] = [],
        ["br"] = [],
        ["a"] = ["href", "rel", "title"],
        ["figure"] = ["class"],
        ["figcaption"] = [],
        ["picture"] = [],
        ["source"] = ["type", "srcset", "sizes"],
        ["img"] = ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "fetchpriority"],
        ["video"] = ["controls", "preload", "playsinline", "poster", "src"],
        ["track"] = ["kind", "srclang", "label", "src", "default"],
        ["iframe"] = ["src", "title", "loading", "allow", "allowfullscreen", "referrerpolicy"],
        ["table"] = [],
        ["thead"] = [],
        ["tbody"] = [],
        ["tr"] = [],
        ["th"] = ["align"],
        ["td"] = ["align"],
        ["aside"] = ["class", "role"],
        ["div"] = ["class"],
        ["span"] = ["class"],
    });

    // Attributes with a meaning beyond display (permissions, loading, roles): only the values the renderer writes.
    private static readonly Dictionary<string, HashSet<string>> FixedValues = Build(new()
    {
        ["rel"] = [LinkRenderer.ExternalRel],
        ["role"] = ["note"],
        ["allow"] = [MediaMarkup.YouTubeAllow],
        ["referrerpolicy"] = [MediaMarkup.YouTubeReferrerPolicy],
        ["loading"] = ["lazy"],
        ["decoding"] = ["async"],
        ["fetchpriority"] = ["high"],
        ["preload"] = ["metadata"],
        ["kind"] = ["captions"],
        ["type"] = ["image/webp"],
        ["sizes"] = [MediaMarkup.Sizes],
        ["align"] = ["left", "center", "right"],
    });

    private readonly HtmlSanitizer sanitizer;

    public LessonSanitizer()
    {
        var classes = new HashSet<string>(StringComparer.Ordinal)
        {
            "steps", "callout", "callout__title", "lesson-figure", "lesson-video", "lesson-video--youtube",
            "missing-media", "block",
        };
        classes.UnionWith(ContainerRenderer.CalloutKinds.Select(kind => "callout--" + kind));

        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = AttributesByTag.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = AttributesByTag.Values.SelectMany(a => a).ToHashSet(StringComparer.OrdinalIgnoreCase),
            AllowedClasses = classes,
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "poster" },
            UriListAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "srcset" },
        });
        sanitizer.FilterUrl += OnFilterUrl;
        sanitizer.PostProcessNode += OnPostProcessNode;
    }

    public string Sanitize(string html) => sanitizer.Sanitize(html);

    private static void OnFilterUrl(object? sender, FilterUrlEventArgs e)
    {
        var url = e.SanitizedUrl?.Trim();
        if (string.IsNullOrEmpty(url)) return;

        if (!SafeLink.HasOnlyVisibleCharacters(url) || url.StartsWith("//", StringComparison.Ordinal))
            e.SanitizedUrl = null;
        else if (e.Tag.LocalName == "iframe")
            e.SanitizedUrl = url.StartsWith(YouTube.EmbedPrefix, StringComparison.Ordinal) ? url : null;
        else if (e.Tag.LocalName != "a" && SafeLink.Scheme(url) is "mailto" or "tel")
            e.SanitizedUrl = null; // a picture or video loads from the web, never from a mail or phone address
    }

    private static void OnPostProcessNode(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element) return;
        if (!AttributesByTag.TryGetValue(element.LocalName, out var allowed))
        {
            element.Remove();
            return;
        }

        foreach (var attribute in element.Attributes.ToList())
        {
            var valueAllowed = !FixedValues.TryGetValue(attribute.Name, out var values) || values.Contains(attribute.Value);
            if (!allowed.Contains(attribute.Name) || !valueAllowed) element.RemoveAttribute(attribute.Name);
        }

        // A frame whose address did not pass the filter above has no business on the page.
        if (element.LocalName == "iframe" && !element.HasAttribute("src")) element.Remove();
    }

    private static Dictionary<string, HashSet<string>> Build(Dictionary<string, string[]> entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
