using HoaHung.Learning.Markdown;

namespace HoaHung.Learning.Tests.Markdown;

/// <summary>A lesson folder in memory: pictures get two WebP widths, videos get captions and a poster.</summary>
internal sealed class FakeLessonAssets(params string[] files) : ILessonAssets
{
    private readonly HashSet<string> files = new(files, StringComparer.Ordinal);

    public List<string> Requested { get; } = [];

    public ImageAsset? Image(string path)
    {
        Requested.Add(path);
        return files.Contains(path)
            ? new ImageAsset($"/media/{Stem(path)}.jpg", 1200, 900, [new(480, $"/media/{Stem(path)}-480.webp"), new(960, $"/media/{Stem(path)}-960.webp")])
            : null;
    }

    public VideoAsset? Video(string path)
    {
        Requested.Add(path);
        return files.Contains(path)
            ? new VideoAsset($"/media/{path}", "video/mp4", $"/media/{Stem(path)}.vi.vtt", $"/media/{Stem(path)}-poster.jpg")
            : null;
    }

    private static string Stem(string path) => Path.GetFileNameWithoutExtension(path);
}
