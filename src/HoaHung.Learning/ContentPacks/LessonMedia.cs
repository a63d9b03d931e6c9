using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// The media a lesson refers to: its video (a file beside it, or a YouTube address) with Vietnamese captions, its
/// poster and cover, and every picture or video its body names.
/// </summary>
internal static class LessonMedia
{
    public static (string? Video, string? VideoUrl, string? Captions, string? Poster, string? Cover) Resolve(
        LessonFrontMatter fm, LessonType type, string body, ReferencedFiles files, LessonMarkdown markdown, List<Reason> errors)
    {
        string? Local(string? name, object field, string[]? extensions = null)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            var error = files.Check(name, extensions);
            if (error is null)
                return name;
            errors.Add(new(ContentReasons.Field, field, error));
            return null;
        }

        var inBody = new Reason(ContentReasons.Body);
        string? video = null, videoUrl = null;
        if (!string.IsNullOrWhiteSpace(fm.Video))
        {
            if (fm.Video.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                if (LessonMarkdown.YouTubeId(fm.Video) is null) errors.Add(new(ContentReasons.VideoNotAccepted));
                else if (fm.Video.Trim().Length > LessonContent.MaxVideoUrlLength) errors.Add(new(ContentReasons.VideoUrlTooLong, LessonContent.MaxVideoUrlLength));
                else videoUrl = fm.Video.Trim();
            }
            else
            {
                video = Local(fm.Video, "video", ContentNames.VideoExtensions);
            }
        }
        if (type == LessonType.Video && video is null && videoUrl is null) errors.Add(new(ContentReasons.VideoRequired));
        var captions = Local(fm.Captions, "captions", [".vtt"]);
        if (video is not null && captions is null && !errors.Any(e => e.Key == ContentReasons.Field && e.Args[0] is "captions"))
            errors.Add(new(ContentReasons.CaptionsRequired));
        var poster = Local(fm.Poster, "poster", ContentNames.PictureExtensions);
        var cover = Local(fm.Cover, "cover", ContentNames.PictureExtensions);

        foreach (var reference in markdown.LocalReferences(body))
        {
            if (files.Found.ContainsKey(reference) || Local(reference, inBody) is null)
                continue;
            if (ContentNames.HasExtension(reference, ContentNames.VideoExtensions))
            {
                var vtt = Path.ChangeExtension(reference, ".vi.vtt");
                if (files.Exists(vtt))
                    Local(vtt, inBody);
            }
        }
        return (video, videoUrl, captions, poster, cover);
    }
}
