using System.Net;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HoaHung.Learning.Markdown;

/// <summary>The markup of pictures and videos. Nothing here is fetched from a third-party host but YouTube embeds.</summary>
internal static class MediaHtml
{
    private const string Sizes = "(min-width: 48rem) 40rem, 100vw";

    public static string Figure(LinkInline image, RenderState state)
    {
        var alt = AltText(image);
        var url = image.Url ?? "";
        if (SafeUrls.YouTubeId(url) is { } id)
            return YouTube(id, alt);
        if (!SafeUrls.IsLocalFile(url))
            return External(url, alt, block: true);
        if (SafeUrls.IsVideoFile(url))
            return state.Assets.Video(url) is { } video ? Video(video, alt, caption: true) : Missing(url, alt, state);
        return state.Assets.Image(url) is { } picture
            ? $"<figure class=\"lesson-figure\">{Picture(picture, alt, state)}</figure>"
            : Missing(url, alt, state);
    }

    /// <summary>A picture inside a sentence: a &lt;picture&gt; (phrasing content); a video inside a sentence: a link.</summary>
    public static string Inline(LinkInline image, RenderState state)
    {
        var alt = AltText(image);
        var url = image.Url ?? "";
        if (SafeUrls.YouTubeId(url) is not null)
            return External(url, alt, block: false);
        if (!SafeUrls.IsLocalFile(url))
            return External(url, alt, block: false);
        if (SafeUrls.IsVideoFile(url))
            return state.Assets.Video(url) is { } video ? $"<a href=\"{Enc(video.Src)}\">{Enc(alt)}</a>" : MissingInline(url, alt, state);
        return state.Assets.Image(url) is { } picture ? Picture(picture, alt, state) : MissingInline(url, alt, state);
    }

    public static string Picture(ImageAsset picture, string alt, RenderState state)
    {
        var sb = new StringBuilder("<picture>");
        if (picture.Sources.Count > 0)
        {
            sb.Append("<source type=\"image/webp\" srcset=\"")
              .Append(Enc(string.Join(", ", picture.Sources.Select(s => $"{s.Url} {s.Width}w"))))
              .Append("\" sizes=\"").Append(Sizes).Append("\">");
        }
        sb.Append("<img src=\"").Append(Enc(picture.Src)).Append("\" alt=\"").Append(Enc(alt)).Append('"');
        if (picture.Width > 0 && picture.Height > 0)
            sb.Append(" width=\"").Append(picture.Width).Append("\" height=\"").Append(picture.Height).Append('"');
        // The first picture is usually what the reader sees first: load it at once, the rest when scrolled to.
        sb.Append(state.FirstImage ? " fetchpriority=\"high\"" : " loading=\"lazy\"").Append(" decoding=\"async\"></picture>");
        state.FirstImage = false;
        return sb.ToString();
    }

    public static string Video(VideoAsset video, string title, bool caption)
    {
        var sb = new StringBuilder("<figure class=\"lesson-video\"><video controls preload=\"metadata\" playsinline");
        if (video.PosterSrc is not null)
            sb.Append(" poster=\"").Append(Enc(video.PosterSrc)).Append('"');
        sb.Append(" src=\"").Append(Enc(video.Src)).Append("\">");
        if (video.CaptionsSrc is not null)
            sb.Append("<track kind=\"captions\" srclang=\"vi\" label=\"Tiếng Việt\" src=\"").Append(Enc(video.CaptionsSrc)).Append("\" default>");
        sb.Append("</video>");
        if (caption && !string.IsNullOrWhiteSpace(title))
            sb.Append("<figcaption>").Append(Enc(title)).Append("</figcaption>");
        return sb.Append("</figure>").ToString();
    }

    public static string YouTube(string id, string title) =>
        $"<figure class=\"lesson-video lesson-video--youtube\"><iframe src=\"https://www.youtube-nocookie.com/embed/{id}\" title=\"{Enc(title)}\" " +
        "loading=\"lazy\" allow=\"encrypted-media; picture-in-picture; fullscreen\" allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></figure>";

    /// <summary>Pictures on other hosts are not loaded (no third-party requests): the reader gets a link instead.</summary>
    private static string External(string url, string alt, bool block)
    {
        var text = string.IsNullOrWhiteSpace(alt) ? url : alt;
        var inner = SafeUrls.IsSafeLink(url, out var safe) && SafeUrls.IsExternal(safe)
            ? $"<a href=\"{Enc(safe)}\" rel=\"noopener noreferrer nofollow\">{Enc(text)}</a>"
            : Enc(text);
        return block ? $"<p>{inner}</p>" : inner;
    }

    private static string Missing(string url, string alt, RenderState state)
    {
        state.Missing.Add(url);
        return $"<p class=\"missing-media\">{Enc(string.IsNullOrWhiteSpace(alt) ? url : alt)}</p>";
    }

    private static string MissingInline(string url, string alt, RenderState state)
    {
        state.Missing.Add(url);
        return Enc(string.IsNullOrWhiteSpace(alt) ? url : alt);
    }

    private static string AltText(LinkInline image)
    {
        var sb = new StringBuilder();
        foreach (var inline in image.Descendants<LiteralInline>())
            sb.Append(inline.Content.ToString());
        foreach (var code in image.Descendants<CodeInline>())
            sb.Append(code.Content);
        return sb.ToString().Trim();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
