using System.Text.RegularExpressions;

namespace HoaHung.Learning.Markdown;

/// <summary>The URL rules of ARCHITECTURE.md §6: http, https, mailto, tel and site-relative, nothing else.</summary>
public static partial class SafeUrls
{
    private static readonly string[] Schemes = ["http", "https", "mailto", "tel"];

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")]
    private static partial Regex LocalFilePattern();

    /// <summary>True for a link target a reader may follow; returns the trimmed URL.</summary>
    public static bool IsSafeLink(string? url, out string safe)
    {
        safe = (url ?? "").Trim();
        if (safe.Length == 0 || safe.Length > 2000 || safe.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            return false;
        if (safe[0] == '#')
            return true;
        if (safe[0] == '/')
            return safe.Length == 1 || (safe[1] != '/' && safe[1] != '\\');
        return Uri.TryCreate(safe, UriKind.Absolute, out var uri)
            && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            && safe.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)
            && (uri.Scheme is "mailto" or "tel" || !string.IsNullOrEmpty(uri.Host));
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file beside the lesson's index.md: a plain name, no folders, no scheme.</summary>
    public static bool IsLocalFile(string? url) => url is not null && LocalFilePattern().IsMatch(url) && !url.Contains("..");

    public static bool IsVideoFile(string path) =>
        path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".webm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The video id of a YouTube watch, share, embed or shorts URL; null for anything else.</summary>
    public static string? YouTubeId(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return null;
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        string? id = null;
        if (host == "youtu.be")
            id = segments[0];
        else if (host is "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" or "youtube-nocookie.com")
        {
            if (segments is ["watch"])
                id = System.Web.HttpUtility.ParseQueryString(uri.Query)["v"];
            else if (segments is ["embed" or "shorts" or "live", var s])
                id = s;
        }
        return id is not null && YouTubeIdPattern().IsMatch(id) ? id : null;
    }
}
