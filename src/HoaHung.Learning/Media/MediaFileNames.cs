using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HoaHung.Learning.Media;

/// <summary>
/// The only names files get on disk and in URLs: a storage key (<c>[a-z0-9]{8,64}</c>) plus one of a fixed set of
/// suffixes. Nothing a person typed or uploaded ever becomes part of a path.
/// </summary>
public static partial class MediaFileNames
{
    public const int KeyLength = 26;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new random key: 26 lower-case base32 characters (130 bits), unrelated to the content or its name.</summary>
    public static string NewKey()
    {
        Span<char> chars = stackalloc char[KeyLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        return new string(chars);
    }

    /// <summary>True for <c>{key}.jpg|png|mp4|webm|vtt|opus|m4a</c> and <c>{key}-{width}.webp</c>; false for anything else, paths included.</summary>
    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name);

    public static string Rendition(string key, int width) => Checked($"{key}-{width}.webp");

    public static string WithExtension(string key, string extension) => Checked($"{key}.{extension}");

    /// <summary>The main file of an asset: the fallback image, the video or the captions file.</summary>
    public static string MainFile(MediaAsset asset) => WithExtension(asset.StorageKey, Extension(asset));

    /// <summary>Every file an asset owns (main file and WebP renditions).</summary>
    public static IReadOnlyList<string> AllFiles(MediaAsset asset) =>
        [MainFile(asset), .. RenditionWidths(asset).Select(w => Rendition(asset.StorageKey, w))];

    public static IReadOnlyList<int> RenditionWidths(MediaAsset asset) =>
        asset.Kind != MediaKind.Image || string.IsNullOrEmpty(asset.Renditions)
            ? []
            : asset.Renditions.Split(',').Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>File extension of the asset's main file, from its kind and content type.</summary>
    public static string Extension(MediaAsset asset) => asset.Kind switch
    {
        MediaKind.Image => asset.FallbackExtension,
        MediaKind.Video => asset.ContentType == MediaContentTypes.WebM ? "webm" : "mp4",
        MediaKind.Captions => "vtt",
        _ => throw new ArgumentOutOfRangeException(nameof(asset), asset.Kind, "Unknown media kind."),
    };

    private static string Checked(string name) =>
        IsValid(name) ? name : throw new ArgumentException($"'{name}' is not a valid media file name.", nameof(name));

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9]{8,64}(?:\.(?:jpg|png|mp4|webm|vtt|opus|m4a)|-[1-9][0-9]{0,4}\.webp)\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

public static class MediaContentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Mp4 = "video/mp4";
    public const string WebM = "video/webm";
    public const string Vtt = "text/vtt";
    /// <summary>Read-aloud audio: Opus in Ogg.</summary>
    public const string Opus = "audio/ogg";
    /// <summary>A video's sound alone: AAC in MP4.</summary>
    public const string M4a = "audio/mp4";
}
