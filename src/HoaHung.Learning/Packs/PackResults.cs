namespace HoaHung.Learning.Packs;

/// <summary>What a pack holds: one lesson, a topic's published lessons, or a learning path's.</summary>
public enum PackKind
{
    Lesson,
    Topic,
    Path,
}

/// <summary>
/// A reason a pack was refused, naming the entry or file (relative to the pack; empty for the pack itself):
/// <see cref="Reason"/> is a key (<see cref="PackReasons"/>, or the media library's or studio's own), worded by the web.
/// </summary>
public sealed record PackProblem(string Path, string Reason, params object[] Args)
{
    public override string ToString() => $"{(Path.Length == 0 ? "" : Path + ": ")}{Reason}{(Args.Length == 0 ? "" : " (" + string.Join(", ", Args) + ")")}";
}

/// <summary>A lesson the import added as a draft: its slug here (another when the pack's was taken) and its title.</summary>
public sealed record PackLesson(string Slug, string PackSlug, string Title, int Files);

/// <summary>
/// What an import added, every lesson a draft for review; nothing is published. <see cref="PathsJoined"/>: slugs of paths
/// this site had, which the lessons join when published; <see cref="PathsAdded"/>: titles of the pack's paths added as
/// drafts (public once a reviewer publishes one of their lessons).
/// </summary>
public sealed record PackReport(
    IReadOnlyList<PackLesson> Lessons,
    IReadOnlyList<string> TopicsAdded,
    IReadOnlyList<string> PathsJoined,
    IReadOnlyList<string> PathsAdded,
    int MediaFiles);

public abstract record PackImportResult
{
    private PackImportResult() { }

    public sealed record Imported(PackReport Report) : PackImportResult;

    /// <summary>Nothing was added: the problems say why.</summary>
    public sealed record Refused(IReadOnlyList<PackProblem> Problems) : PackImportResult;
}

public abstract record PackExportResult
{
    private PackExportResult() { }

    /// <param name="FileName">A download name: <c>goi-bai-{slug}.zip</c>.</param>
    public sealed record Written(string FileName, int Lessons) : PackExportResult;

    /// <summary>No such lesson, topic or path, or nothing of it is published.</summary>
    public sealed record NotFound : PackExportResult;
}
