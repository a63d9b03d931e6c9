using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;

namespace HoaHung.Learning.Studio;

/// <summary>A working copy as the lesson page would show it: sanitized HTML of the body and of the lesson's video.</summary>
public sealed record PreviewHtml(string BodyHtml, string? VideoHtml, IReadOnlyList<string> MissingFiles);

/// <summary>
/// Renders a working copy through the public page's own pipeline (<see cref="LessonMarkdown"/>, <see cref="LessonAssets"/>),
/// with the lesson's library in place of a revision's files, so the preview is what a resident will see.
/// </summary>
public static class DraftPreview
{
    public static PreviewHtml Render(LessonMarkdown markdown, LessonContent content, IReadOnlyDictionary<string, MediaAsset> files)
    {
        var body = markdown.Render(content.Body, new LessonAssets(files));
        string? video = null;
        if (content.VideoPath is { } path && files.TryGetValue(path, out var file) && file.Kind == MediaKind.Video)
        {
            var captions = content.CaptionsPath is { } c && files.TryGetValue(c, out var vtt) && vtt.Kind == MediaKind.Captions ? MediaUrls.FileUrl(vtt) : null;
            var poster = content.PosterPath is { } p && files.TryGetValue(p, out var image) && image.Kind == MediaKind.Image ? MediaUrls.ImageFallbackUrl(image) : null;
            video = markdown.RenderVideo(new VideoAsset(MediaUrls.FileUrl(file), file.ContentType, captions, poster), content.Title);
        }
        else if (content.VideoUrl is { } url && markdown.RenderYouTube(url, content.Title) is { Length: > 0 } youtube)
        {
            video = youtube;
        }
        return new PreviewHtml(body.Html, video, body.MissingFiles);
    }
}
