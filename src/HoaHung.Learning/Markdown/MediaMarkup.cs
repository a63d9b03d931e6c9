using System.Globalization;
using System.Text;

namespace HoaHung.Learning.Markdown;

/// <summary>
/// The markup of pictures and players. A block is the form for media alone in a paragraph (a figure);
/// the inline form sits inside text, so it uses only phrasing content (picture, video, iframe, span).
/// </summary>
internal static class MediaMarkup
{
    public const string Sizes = "(min-width: 48rem) 40rem, 100vw";
    public const string YouTubeAllow = "encrypted-media; picture-in-picture; fullscreen";
    public const string YouTubeReferrerPolicy = "strict-origin-when-cross-origin";
    private const string DefaultYouTubeTitle = "Video trên YouTube";

    /// <param name="eager">The first picture of a page is likely the largest thing in view: load it first, not lazily.</param>
    public static string Picture(ImageAsset image, string alt, bool eager, bool block)
    {
        var html = new StringBuilder(256);
        if (block) html.Append("<figure class=\"lesson-figure\">");
        html.Append("<picture>");

        if (image.SrcSet is { Length: > 0 } srcset)
            html.Append($"<source type=\"image/webp\" srcset=\"{Html.Escape(srcset)}\" sizes=\"{Sizes}\">");

        html.Append($"<img src=\"{Html.Escape(image.Src)}\" alt=\"{Html.Escape(alt)}\"");
        if (image.Width > 0 && image.Height > 0)
            html.Append(CultureInfo.InvariantCulture, $" width=\"{image.Width}\" height=\"{image.Height}\"");
        html.Append(eager ? " fetchpriority=\"high\"" : " loading=\"lazy\"");
        html.Append(" decoding=\"async\"></picture>");

        if (block) html.Append("</figure>");
        return html.ToString();
    }

    public static string Video(VideoAsset video, string caption, bool block)
    {
        var html = new StringBuilder(384);
        if (block) html.Append("<figure class=\"lesson-video\">");
        html.Append("<video controls preload=\"metadata\" playsinline");
        if (!string.IsNullOrEmpty(video.PosterSrc)) html.Append($" poster=\"{Html.Escape(video.PosterSrc)}\"");
        html.Append($" src=\"{Html.Escape(video.Src)}\">");
        if (!string.IsNullOrEmpty(video.CaptionsSrc))
            html.Append($"<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\" src=\"{Html.Escape(video.CaptionsSrc)}\" default>");
        html.Append("</video>");

        if (block && !string.IsNullOrWhiteSpace(caption)) html.Append($"<figcaption>{Html.Escape(caption)}</figcaption>");
        if (block) html.Append("</figure>");
        return html.ToString();
    }

    public static string YouTubePlayer(string id, string title, bool block)
    {
        var frame = $"<iframe src=\"{YouTube.EmbedUrl(id)}\" title=\"{Html.Escape(string.IsNullOrWhiteSpace(title) ? DefaultYouTubeTitle : title)}\""
            + $" loading=\"lazy\" allow=\"{YouTubeAllow}\" allowfullscreen referrerpolicy=\"{YouTubeReferrerPolicy}\"></iframe>";
        return block ? $"<figure class=\"lesson-video lesson-video--youtube\">{frame}</figure>" : frame;
    }

    /// <summary>A visible note where a file is missing, so the author sees the gap instead of a broken image.</summary>
    public static string Missing(string text, bool block) => block
        ? $"<p class=\"missing-media\">{Html.Escape(text)}</p>"
        : $"<span class=\"missing-media\">{Html.Escape(text)}</span>";
}
