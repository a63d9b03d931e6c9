namespace HoaHung.Learning.Media;

public enum MediaKind
{
    Image,
    Video,
    Captions,
}

/// <summary>
/// A stored file. Files on disk are named from <see cref="StorageKey"/>, never from what a person uploaded:
/// images as <c>{key}-{width}.webp</c> plus a fallback <c>{key}.{FallbackExtension}</c>, videos as <c>{key}.mp4|webm</c>,
/// captions as <c>{key}.vtt</c>.
/// </summary>
public sealed class MediaAsset
{
    public Guid Id { get; set; }
    public MediaKind Kind { get; set; }

    /// <summary>SHA-256 (hex, lower case) of the source bytes: the same file is stored once.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Random, lower-case (<see cref="MediaFileNames.NewKey"/>): unrelated to the content and to the uploaded name.</summary>
    public required string StorageKey { get; set; }

    /// <summary>Content type of the main file: the fallback image (image/jpeg, image/png), the video or text/vtt.</summary>
    public required string ContentType { get; set; }

    /// <summary>Images only: "jpg", or "png" when the image has transparency.</summary>
    public string FallbackExtension { get; set; } = "";

    /// <summary>Size of the main file as stored (the fallback image, the video, the rewritten captions).</summary>
    public long Bytes { get; set; }

    /// <summary>Images only: size of the largest rendition, which is also the fallback's size.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Widths of the WebP renditions, ascending, comma-separated ("360,720").</summary>
    public string Renditions { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
