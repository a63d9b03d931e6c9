using System.Globalization;

namespace HoaHung.Learning.Markdown;

/// <summary>A link target that may appear in a lesson: http(s), mailto, tel or site-relative.</summary>
internal sealed record SafeLink(string Href, bool IsExternal)
{
    private const int MaxLength = 4096;

    /// <summary>
    /// The link policy from content/README.md. Markdig has already decoded entities and escapes,
    /// so <c>jav&amp;#x09;ascript:</c> arrives here as "jav\tascript:" and is refused for its tab.
    /// </summary>
    public static SafeLink? From(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || !HasOnlyVisibleCharacters(url)) return null;

        if (url[0] == '/')
        {
            // "//host" is another site; a backslash was refused above because browsers read "/\host" the same way.
            return url.Length > 1 && url[1] == '/' ? null : new SafeLink(url, IsExternal: false);
        }

        return Scheme(url) switch
        {
            "http" or "https" when IsWebAddress(url) => new SafeLink(url, IsExternal: true),
            "mailto" or "tel" when url.Length > url.IndexOf(':') + 1 => new SafeLink(url, IsExternal: false),
            // No scheme means a path relative to the lesson (other.md, ../x, #part): it would resolve
            // against the site's <base href="/">, not the lesson, so it is dropped rather than broken.
            _ => null,
        };
    }

    /// <summary>The lower-cased scheme, or null when the text does not start with one.</summary>
    public static string? Scheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(url[0])) return null;
        for (var i = 1; i < colon; i++)
        {
            var c = url[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return null;
        }
        return url[..colon].ToLowerInvariant();
    }

    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Host.Length > 0
        && url.AsSpan(uri.Scheme.Length).StartsWith("://");

    /// <summary>Refuses whitespace, control and format characters (tabs, NUL, zero-width and bidi marks) and backslashes.</summary>
    public static bool HasOnlyVisibleCharacters(string url)
    {
        foreach (var c in url)
        {
            if (c == '\\' || char.IsWhiteSpace(c)) return false;
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned) return false;
        }
        return true;
    }
}
