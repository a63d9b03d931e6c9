using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Media;

public enum RenditionKind
{
    /// <summary>A read-aloud file (espeak-ng, Opus): one part of a lesson, keyed by its spoken text.</summary>
    Speech,
    /// <summary>A light video: H.264/AAC, 240 px on its short side.</summary>
    Video240,
    /// <summary>A video for most phones: H.264/AAC, 360 px on its short side; the player's default.</summary>
    Video360,
    /// <summary>The video's sound alone (AAC in .m4a).</summary>
    AudioOnly,
}

/// <summary>
/// A file the site made from others in the background (<see cref="MediaWork"/>): read-aloud audio, video renditions.
/// Content-addressed by <see cref="Key"/> (the spoken text, or the source video's SHA-256 and the kind), so the same
/// words or the same video are never made twice, and a changed text simply has another key. The source video is never
/// replaced: staff keep the original.
/// </summary>
public sealed class MediaRendition
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 (hex) of what the file was made from and how (<see cref="ReadAloud.ReadingParts.SpeechKey"/>, <see cref="VideoRenditions.Key"/>).</summary>
    public required string Key { get; set; }
    public RenditionKind Kind { get; set; }

    /// <summary>The video a rendition was made from; null for speech.</summary>
    public Guid? SourceAssetId { get; set; }

    /// <summary>The file in the media store: <c>{random key}.opus|mp4|m4a</c> (<see cref="MediaFileNames"/>).</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Bytes { get; set; }
    public int DurationMs { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class MediaRenditionConfiguration : IEntityTypeConfiguration<MediaRendition>
{
    public void Configure(EntityTypeBuilder<MediaRendition> b)
    {
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => r.SourceAssetId);
        b.Property(r => r.Key).HasMaxLength(64);
        b.Property(r => r.FileName).HasMaxLength(80);
        b.Property(r => r.ContentType).HasMaxLength(100);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
