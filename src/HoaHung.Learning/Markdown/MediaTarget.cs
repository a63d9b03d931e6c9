namespace HoaHung.Learning.Markdown;

/// <summary>What the target of <c>![alt](target)</c> points at, decided before anything is rendered.</summary>
internal abstract record MediaTarget
{
    private const int MaxPathLength = 255;

    /// <summary>A picture beside index.md.</summary>
    public sealed record LocalImage(string Path) : MediaTarget;

    /// <summary>An .mp4/.webm file beside index.md.</summary>
    public sealed record LocalVideo(string Path) : MediaTarget;

    public sealed record YouTubeVideo(string Id) : MediaTarget;

    /// <summary>A picture or video on another site: linked, never fetched, because the site serves no third-party content.</summary>
    public sealed record ExternalLink(string Url) : MediaTarget;

    /// <summary>Written like a file, but one the import must never open (.., absolute, backslashes).</summary>
    public sealed record UnsafePath(string Path) : MediaTarget;

    /// <summary>Any other scheme (javascript:, data:, file:) or a protocol-relative address.</summary>
    public sealed record Refused : MediaTarget;

    /// <summary>Whether it renders as a block of its own (a figure or a missing-media note) when alone in a paragraph.</summary>
    public bool IsBlock => this is not ExternalLink;

    public static MediaTarget From(string? target)
    {
        if (string.IsNullOrWhiteSpace(target)) return new Refused();
        if (YouTube.IdFrom(target) is { } id) return new YouTubeVideo(id);

        switch (SafeLink.Scheme(target))
        {
            case "http" or "https":
                return SafeLink.From(target) is { IsExternal: true } ? new ExternalLink(target) : new Refused();
            case { Length: 1 }:
                return new UnsafePath(target); // a Windows drive letter, C:\...
            case not null:
                return new Refused();
        }
        if (target.StartsWith("//", StringComparison.Ordinal)) return new Refused();

        if (LocalPath(target) is not { } path) return new UnsafePath(target);
        return IsVideoFile(path) ? new LocalVideo(path) : new LocalImage(path);
    }

    /// <summary>The captions the README promises for a body video: same name, ".vi.vtt".</summary>
    public static string CaptionsPathFor(string videoPath) =>
        System.IO.Path.ChangeExtension(videoPath, ".vi.vtt");

    private static bool IsVideoFile(string path) =>
        path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".webm", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path relative to the lesson folder, or null when it could leave the folder.</summary>
    private static string? LocalPath(string target)
    {
        string path;
        try
        {
            // Authors may percent-encode spaces; decoding first means "%2e%2e/" is checked as "../".
            path = Uri.UnescapeDataString(target);
        }
        catch (UriFormatException)
        {
            return null;
        }

        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];

        // A space is a legal (if unwise) file name character; every other blank or control character is not.
        if (path.Length is 0 or > MaxPathLength || path[0] == '/' || path.Contains(':')
            || path.IndexOfAny(['?', '#']) >= 0 || !SafeLink.HasOnlyVisibleCharacters(path.Replace(' ', '_')))
            return null;

        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return null;
        }
        // Editors save Vietnamese in composed form, some file systems in decomposed form: compare composed.
        return path.Normalize(System.Text.NormalizationForm.FormC);
    }
}
