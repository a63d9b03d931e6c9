using HoaHung.Learning.Catalog;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

public sealed record TopicSource(string Slug, string Title, string Description, string Icon, int Order);

public sealed record PathSource(string Slug, string Title, string Summary, string Description,
    IReadOnlyList<string> Lessons, int Order, string Hash)
{
    /// <summary>The slug of the quiz lesson taken before the path and again after it (<c>entry_test:</c>), or null.</summary>
    public string? EntryTest { get; init; }
}

/// <summary>
/// A lesson folder as read from disk, validated: its <see cref="LessonContent"/> (files by their names in the folder;
/// no path choices, which the set's paths hold), its place among its topic's lessons, <see cref="Files"/> mapping
/// referenced names to full paths, and its quiz checked (<c>Quizzes.QuizDefinition</c> as JSON), or null.
/// </summary>
public sealed record LessonSource(
    string Slug,
    LessonContent Content,
    int Order,
    IReadOnlyDictionary<string, string> Files,
    string Hash,
    string? QuizJson = null);

/// <summary>
/// A file that could not be used, with the reason (<see cref="ContentReasons"/>, worded by the web); the rest of the
/// library still imports. <see cref="Topic"/>: the entry's number in topics.yml when the problem is one topic's.
/// </summary>
public sealed record ContentProblem(string Path, Reason Reason, int? Topic = null)
{
    public ContentProblem(string path, string key, params object[] args) : this(path, new Reason(key, args)) { }

    /// <summary>The place and the reason's key and arguments, for logs and test failures (a person reads the web's wording).</summary>
    public override string ToString() => $"{Path}{(Topic is { } topic ? $" #{topic}" : "")}: {Reason}";
}

public sealed record ContentSet(
    IReadOnlyList<TopicSource> Topics,
    IReadOnlyList<PathSource> Paths,
    IReadOnlyList<LessonSource> Lessons,
    IReadOnlyList<ContentProblem> Problems);
