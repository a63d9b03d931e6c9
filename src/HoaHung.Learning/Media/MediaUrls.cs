namespace HoaHung.Learning.Media;

/// <summary>Public URLs of stored media. The web host serves <see cref="Prefix"/> from <see cref="IMediaStore"/>.</summary>
public static class MediaUrls
{
    public const string Prefix = "/media/";

    /// <summary><c>/media/{key}.jpg</c> (or <c>.png</c>): for <c>&lt;img src&gt;</c> and browsers without WebP.</summary>
    public static string ImageFallbackUrl(MediaAsset asset) =>
        Prefix + MediaFileNames.MainFile(RequireImage(asset));

    /// <summary>The WebP renditions, narrowest first: <c>(360, "/media/{key}-360.webp")</c>, …</summary>
    public static IReadOnlyList<(int Width, string Url)> ImageRenditionUrls(MediaAsset asset) =>
        MediaFileNames.RenditionWidths(RequireImage(asset))
            .Select(w => (w, Prefix + MediaFileNames.Rendition(asset.StorageKey, w)))
            .ToArray();

    /// <summary>The asset's main file: <c>/media/{key}.mp4|webm</c> for a video, <c>/media/{key}.vtt</c> for captions, the fallback for an image.</summary>
    public static string FileUrl(MediaAsset asset) => Prefix + MediaFileNames.MainFile(asset);

    private static MediaAsset RequireImage(MediaAsset asset) =>
        asset.Kind == MediaKind.Image ? asset : throw new ArgumentException($"Media asset {asset.Id} is a {asset.Kind}, not an image.", nameof(asset));
}
