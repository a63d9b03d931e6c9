using System.Linq.Expressions;

namespace HoaHung.Learning.Catalog;

public sealed record TopicCard(string Slug, string Title, string Description, string Icon, int LessonCount);

/// <summary>A published lesson as lists show it; <see cref="Id"/> lets a caller record progress without looking the slug up again.</summary>
public sealed record LessonCard(int Id, string Slug, string Title, string Summary, LessonType Type, LessonLevel Level,
    int Minutes, string TopicSlug, string TopicTitle)
{
    /// <summary>The one projection from a lesson row to its card: <c>lessons.Select(LessonCard.FromLesson)</c>.</summary>
    public static readonly Expression<Func<Lesson, LessonCard>> FromLesson = l =>
        new LessonCard(l.Id, l.Slug, l.Title, l.Summary, l.Type, l.Level, l.Minutes, l.Topic.Slug, l.Topic.Title);
}

public sealed record PathCard(string Slug, string Title, string Summary, int LessonCount, int Minutes);

public sealed record HomeView(IReadOnlyList<TopicCard> Topics, IReadOnlyList<PathCard> Paths, IReadOnlyList<LessonCard> Newest);

public sealed record TopicView(TopicCard Topic, IReadOnlyList<LessonCard> Lessons);

/// <summary><see cref="DescriptionHtml"/> is sanitized by LessonMarkdown.</summary>
public sealed record PathView(PathCard Path, string DescriptionHtml, IReadOnlyList<LessonCard> Lessons)
{
    public int PathId { get; init; }

    /// <summary>The published quiz lesson taken before and after the path, or null (docs/architecture.md §9, "Gains").</summary>
    public LessonLink? EntryTest { get; init; }
}

public sealed record LessonLink(string Slug, string Title);

/// <summary>Where a lesson stands in one learning path that contains it.</summary>
public sealed record PathPosition(string Slug, string Title, int Position, int Count, LessonLink? Previous, LessonLink? Next);

public sealed record PictureView(string Url, int Width, int Height);

public sealed record LessonView(
    LessonCard Card,
    IReadOnlyList<string> Tags,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string BodyHtml,
    string? VideoHtml,
    string? VideoUrl,
    string? CaptionsUrl,
    PictureView? Cover,
    IReadOnlyList<PathPosition> Paths,
    IReadOnlyList<LessonCard> Related,
    QuizSummary? Quiz = null,
    IReadOnlyList<string>? Transcript = null,
    ListeningView? Listening = null);

/// <summary>
/// What "Nghe bài" reads (<see cref="ReadAloud.ReadingParts"/>) with the server's audio file of each part that has one
/// (by part number; none while it is being made, or without espeak-ng), and the lighter versions of the lesson's
/// own video (240p, 360p, sound alone), lightest first.
/// </summary>
public sealed record ListeningView(
    IReadOnlyList<ReadAloud.ReadingPart> Parts,
    IReadOnlyDictionary<int, MediaFileView> Audio,
    IReadOnlyList<VideoVersionView> VideoVersions);

public sealed record MediaFileView(string Url, string ContentType, long Bytes, int DurationMs);

public sealed record VideoVersionView(Media.RenditionKind Kind, MediaFileView File);

/// <summary>Every published lesson's card, by id and by slug, and every learning path's published lessons in order.</summary>
public sealed record LibraryIndex(IReadOnlyDictionary<int, LessonCard> ById, IReadOnlyDictionary<string, LessonCard> BySlug,
    IReadOnlyList<PathLessons> Paths);

public sealed record PathLessons(string Slug, string Title, IReadOnlyList<int> LessonIds);

public sealed record LessonPage(IReadOnlyList<LessonCard> Items, int Page, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
