namespace HoaHung.Learning.Markdown;

internal static class YouTube
{
    /// <summary>The only frame source the site embeds: the privacy-enhanced player sets no cookies until play.</summary>
    public const string EmbedPrefix = "https://www.youtube-nocookie.com/embed/";

    public static string EmbedUrl(string id) => EmbedPrefix + id;

    public static string? IdFrom(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("https" or "http") || !uri.IsDefaultPort || uri.UserInfo.Length > 0) return null;

        var path = uri.AbsolutePath;
        var id = uri.Host switch
        {
            "youtu.be" => After(path, "/"),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" => path == "/watch"
                ? QueryValue(uri.Query, "v")
                : After(path, "/embed/") ?? After(path, "/shorts/"),
            "youtube-nocookie.com" or "www.youtube-nocookie.com" => After(path, "/embed/"),
            _ => null,
        };
        return id is not null && IsVideoId(id) ? id : null;
    }

    private static string? After(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : null;

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.Length > name.Length && pair.StartsWith(name, StringComparison.Ordinal) && pair[name.Length] == '=')
                return pair[(name.Length + 1)..];
        }
        return null;
    }

    private static bool IsVideoId(string id) =>
        id.Length == 11 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
