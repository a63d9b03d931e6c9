using HoaHung.Learning.Media;

namespace HoaHung.Learning.Studio;

/// <summary>
/// One file of a lesson's media library in the studio: the name the Markdown uses (<c>![…](anh-1.jpg)</c>), the stored
/// asset behind it and, for pictures, the description a reader who cannot see it hears. Replacing a picture keeps its
/// path, so every place the body shows it follows. Revisions keep their own copy of the mapping (RevisionMedia).
/// </summary>
public sealed class LessonMedia
{
    public const int MaxDescriptionLength = 300;

    public int LessonId { get; set; }

    /// <summary>A file name made by the studio (lower-case ASCII, digits, '-', one extension), never the uploaded name as is.</summary>
    public required string Path { get; set; }

    public Guid MediaAssetId { get; set; }
    public MediaAsset Asset { get; set; } = default!;
    public MediaKind Kind { get; set; }

    /// <summary>Pictures: the alt text, required before the picture goes into the lesson.</summary>
    public string Description { get; set; } = "";

    public DateTime AddedAt { get; set; }
    public string? AddedBy { get; set; }
}
