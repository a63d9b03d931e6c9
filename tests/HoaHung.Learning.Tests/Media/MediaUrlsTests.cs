using HoaHung.Learning.Media;

namespace HoaHung.Learning.Tests.Media;

public sealed class MediaUrlsTests
{
    private const string Key = "k7qz2mabcdefghijklmnopqrst";

    private static MediaAsset Asset(MediaKind kind, string contentType, string fallback = "", string renditions = "") => new()
    {
        Kind = kind,
        Sha256 = new string('0', 64),
        StorageKey = Key,
        ContentType = contentType,
        FallbackExtension = fallback,
        Renditions = renditions,
    };

    [Fact]
    public void Image_urls_point_at_the_fallback_and_each_webp_rendition()
    {
        var image = Asset(MediaKind.Image, "image/png", "png", "360,720,1080");

        Assert.Equal($"/media/{Key}.png", MediaUrls.ImageFallbackUrl(image));
        Assert.Equal(
            [(360, $"/media/{Key}-360.webp"), (720, $"/media/{Key}-720.webp"), (1080, $"/media/{Key}-1080.webp")],
            MediaUrls.ImageRenditionUrls(image));
        Assert.Equal($"/media/{Key}.png", MediaUrls.FileUrl(image));
    }

    [Fact]
    public void Video_and_captions_urls_use_the_extension_of_their_format()
    {
        Assert.Equal($"/media/{Key}.mp4", MediaUrls.FileUrl(Asset(MediaKind.Video, "video/mp4")));
        Assert.Equal($"/media/{Key}.webm", MediaUrls.FileUrl(Asset(MediaKind.Video, "video/webm")));
        Assert.Equal($"/media/{Key}.vtt", MediaUrls.FileUrl(Asset(MediaKind.Captions, "text/vtt")));
    }

    [Fact]
    public void Image_helpers_refuse_other_kinds()
    {
        var video = Asset(MediaKind.Video, "video/mp4");

        Assert.Throws<ArgumentException>(() => MediaUrls.ImageFallbackUrl(video));
        Assert.Throws<ArgumentException>(() => MediaUrls.ImageRenditionUrls(video));
    }

    [Fact]
    public void Every_url_is_a_name_the_store_accepts()
    {
        var image = Asset(MediaKind.Image, "image/jpeg", "jpg", "360,720");

        Assert.All(MediaFileNames.AllFiles(image), name => Assert.True(MediaFileNames.IsValid(name), name));
        Assert.Equal([$"{Key}.jpg", $"{Key}-360.webp", $"{Key}-720.webp"], MediaFileNames.AllFiles(image));
    }
}
