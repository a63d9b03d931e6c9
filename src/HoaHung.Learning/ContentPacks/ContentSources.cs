using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.ContentPacks;

public sealed record TopicSource(string Slug, string Title, string Description, string Icon, int Order);

public sealed record PathSource(string Slug, string Title, string Summary, string Description,
    IReadOnlyList<string> Lessons, int Order, string Hash);

/// <summary>A lesson folder as read from disk, validated; <see cref="Files"/> maps referenced names to full paths.</summary>
public sealed record LessonSource(
    string Slug,
    string Title,
    string Summary,
    string Topic,
    LessonType Type,
    LessonLevel Level,
    int Minutes,
    int Order,
    IReadOnlyList<string> Tags,
    string Body,
    string? Cover,
    string? Video,
    string? VideoUrl,
    string? Poster,
    string? Captions,
    IReadOnlyDictionary<string, string> Files,
    string Hash,
    string? QuizJson = null);

/// <summary>A file that could not be used, with the reason; the rest of the library still imports.</summary>
public sealed record ContentProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

public sealed record ContentSet(
    IReadOnlyList<TopicSource> Topics,
    IReadOnlyList<PathSource> Paths,
    IReadOnlyList<LessonSource> Lessons,
    IReadOnlyList<ContentProblem> Problems);
