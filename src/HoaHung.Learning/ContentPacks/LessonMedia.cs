using HoaHung.Learning.Catalog;
using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// The media a lesson refers to: its video (a file beside it, or a YouTube address) with Vietnamese captions, its
/// poster and cover, and every picture or video its body names.
/// </summary>
internal static class LessonMedia
{
    /// <summary>The length of the revision's VideoUrl column (Catalog/CatalogConfiguration.cs).</summary>
    private const int MaxVideoUrlLength = 500;

    public static (string? Video, string? VideoUrl, string? Captions, string? Poster, string? Cover) Resolve(
        LessonFrontMatter fm, LessonType type, string body, ReferencedFiles files, LessonMarkdown markdown, List<string> errors)
    {
        string? Local(string? name, string field, string[]? extensions = null)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            var error = files.Check(name, extensions);
            if (error is null)
                return name;
            errors.Add($"{field}: {error}");
            return null;
        }

        string? video = null, videoUrl = null;
        if (!string.IsNullOrWhiteSpace(fm.Video))
        {
            if (fm.Video.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                if (LessonMarkdown.YouTubeId(fm.Video) is null) errors.Add("video: chỉ nhận tệp video cạnh bài học hoặc địa chỉ YouTube");
                else if (fm.Video.Trim().Length > MaxVideoUrlLength) errors.Add($"video: địa chỉ dài quá {MaxVideoUrlLength} ký tự");
                else videoUrl = fm.Video.Trim();
            }
            else
            {
                video = Local(fm.Video, "video", ContentNames.VideoExtensions);
            }
        }
        if (type == LessonType.Video && video is null && videoUrl is null) errors.Add("bài loại video cần trường video");
        var captions = Local(fm.Captions, "captions", [".vtt"]);
        if (video is not null && captions is null && !errors.Any(e => e.StartsWith("captions"))) errors.Add("video cần phụ đề tiếng Việt (captions: tệp .vtt)");
        var poster = Local(fm.Poster, "poster", ContentNames.PictureExtensions);
        var cover = Local(fm.Cover, "cover", ContentNames.PictureExtensions);

        foreach (var reference in markdown.LocalReferences(body))
        {
            if (files.Found.ContainsKey(reference) || Local(reference, "nội dung") is null)
                continue;
            if (ContentNames.HasExtension(reference, ContentNames.VideoExtensions))
            {
                var vtt = Path.ChangeExtension(reference, ".vi.vtt");
                if (files.Exists(vtt))
                    Local(vtt, "nội dung");
            }
        }
        return (video, videoUrl, captions, poster, cover);
    }
}
