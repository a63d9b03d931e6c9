using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;

namespace HoaHung.Learning.Catalog;

/// <summary>Resolves the files a revision's Markdown names to the stored media assets and their public URLs.</summary>
public sealed class LessonAssets(IReadOnlyDictionary<string, MediaAsset> files) : ILessonAssets
{
    public ImageAsset? Image(string path) =>
        files.TryGetValue(path, out var a) && a.Kind == MediaKind.Image ? ToImage(a) : null;

    public VideoAsset? Video(string path)
    {
        if (!files.TryGetValue(path, out var a) || a.Kind != MediaKind.Video)
            return null;
        var captions = files.GetValueOrDefault(System.IO.Path.ChangeExtension(path, ".vi.vtt"));
        return new VideoAsset(MediaUrls.FileUrl(a), a.ContentType, captions is null ? null : MediaUrls.FileUrl(captions), null);
    }

    public static ImageAsset ToImage(MediaAsset a) => new(
        MediaUrls.ImageFallbackUrl(a), a.Width ?? 0, a.Height ?? 0,
        MediaUrls.ImageRenditionUrls(a).Select(r => new ImageSource(r.Width, r.Url)).ToList());
}
