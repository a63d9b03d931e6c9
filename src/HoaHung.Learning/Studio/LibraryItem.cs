using HoaHung.Learning.Media;

namespace HoaHung.Learning.Studio;

/// <summary>One file of a lesson's library as the editor shows it.</summary>
/// <param name="Url">The file as served (a picture's fallback), for a thumbnail or a player.</param>
/// <param name="InUse">Whether the working copy uses it (then it cannot be removed).</param>
public sealed record LibraryItem(string Path, MediaKind Kind, string Description, string Url, int? Width, int? Height, long Bytes, bool InUse)
{
    /// <summary>
    /// The Markdown that shows it in the lesson: <c>![description](path)</c>. Null for a picture without a description
    /// ("Chèn ảnh" needs one first) and for captions, which go with their video.
    /// </summary>
    public string? InsertionMarkdown => Kind switch
    {
        MediaKind.Image when Description.Trim().Length > 0 => $"![{Escape(Description)}]({Path})",
        MediaKind.Video => $"![{Escape(Description)}]({Path})",
        _ => null,
    };

    /// <summary>Square brackets and backslashes would end the description early or escape the next character.</summary>
    internal static string Escape(string text) =>
        string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");
}

public abstract record LibraryResult
{
    private LibraryResult() { }

    /// <summary>Done; <see cref="Item"/> is the file added or changed (null after a removal).</summary>
    public sealed record Done(LibraryItem? Item) : LibraryResult;

    /// <param name="ReasonKey">One of <see cref="MediaReasons"/> or <see cref="StudioReasons"/>.</param>
    public sealed record Refused(string ReasonKey) : LibraryResult;
}
