using System.Text.RegularExpressions;

namespace HoaHung.Learning.ContentPacks;

/// <summary>The names a content folder may use: slugs for topics, lessons and paths; plain file names beside a lesson.</summary>
internal static partial class ContentNames
{
    public static readonly string[] VideoExtensions = [".mp4", ".webm"];
    public static readonly string[] PictureExtensions = [".png", ".jpg", ".jpeg", ".webp"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")]
    private static partial Regex FileNamePattern();

    public static bool IsSlug(string? s) => s is not null && SlugPattern().IsMatch(s);

    /// <summary>A file name with no directory part, no "..", nothing a shell or a URL would read specially.</summary>
    public static bool IsFileName(string name) => FileNamePattern().IsMatch(name) && !name.Contains("..");

    public static bool HasExtension(string name, string[] extensions) =>
        extensions.Contains(Path.GetExtension(name).ToLowerInvariant());
}
