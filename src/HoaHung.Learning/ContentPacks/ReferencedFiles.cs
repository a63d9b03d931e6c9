using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// The files a lesson or its quiz names, each checked once the same way: a plain name beside the file that names
/// it, an allowed extension, present, not too large. <see cref="Found"/> maps each accepted name to its full path.
/// </summary>
internal sealed class ReferencedFiles(string folder, string beside, string nounKey = ContentReasons.FileNoun)
{
    private readonly Reason noun = new(nounKey);

    public Dictionary<string, string> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepts <paramref name="name"/> or returns why it cannot be used.</summary>
    public Reason? Check(string name, string[]? extensions = null)
    {
        if (!ContentNames.IsFileName(name))
            return new(ContentReasons.BadFileName, noun, name, beside);
        if (extensions is not null && !ContentNames.HasExtension(name, extensions))
            return new(ContentReasons.WrongExtension, noun, name, string.Join(", ", extensions));
        var full = Path.Combine(folder, name);
        if (FileKinds.Of(full) == FileKinds.FileKind.Missing)
            return new(ContentReasons.NamedFileMissing, noun, name);
        if (ContentFiles.Refusal(full) is { } refusal)
            return new(ContentReasons.NamedFileRefused, noun, name, refusal);
        // A first look; the real limit is enforced by reading (ContentFiles.HashLesson, ContentImporter).
        if (new FileInfo(full).Length > ContentReader.MaxReferencedFileBytes)
            return new(ContentReasons.NamedTooLarge, noun, name);
        Found[name] = full;
        return null;
    }

    public bool Exists(string name) => FileKinds.Of(Path.Combine(folder, name)) != FileKinds.FileKind.Missing;
}
