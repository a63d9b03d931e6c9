using System.Text.Json;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Catalog;

/// <summary>
/// A lesson's content, defined once (issue 21 item 2; docs/architecture.md §4, "One content type"): its metadata,
/// Markdown body, quiz and file references — the fields of a content folder's index.md and quiz.yml
/// (content/README.md) — and every limit on them. Drafts, revisions, the content import, lesson packs and the
/// review's diff all carry this record; each storage shape maps it once: <see cref="Studio.LessonDraft"/>
/// (<c>ToContent</c>/<c>Apply</c>), <see cref="LessonRevision"/> (<c>ToContent</c>/<c>Apply</c>), the front matter
/// (<c>ContentPacks.LessonFile</c> reads it, <c>Packs.PackYaml</c> writes it). Files are named by their path in the
/// lesson (as in a content folder), never by a media id. Comes from untrusted hands: <see cref="Clean"/> first.
/// </summary>
/// <remarks>
/// Not content: the lesson's slug, its <c>Order</c> among its topic's lessons (set by the library, not the author)
/// and its files' bytes. A property added here must be carried by every mapping: <c>LessonContentRoundTripTests</c>
/// fails until it survives import → draft → revision → pack → import.
/// </remarks>
public sealed record LessonContent
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 400;
    public const int MaxTopicLength = 80;

    /// <summary>The tags joined by ", "; a content file may name at most <see cref="MaxTags"/> of at most <see cref="MaxTagLength"/>.</summary>
    public const int MaxTagsLength = 1000;
    public const int MaxTags = 30;
    public const int MaxTagLength = 60;

    public const int MinMinutes = 1;
    public const int MaxMinutes = 180;
    public const int DefaultMinutes = 5;
    public const int MaxVideoUrlLength = 500;

    /// <summary>A file's path in the lesson (its media library, a content folder).</summary>
    public const int MaxPathLength = 120;

    /// <summary>The import's limit for index.md (ContentReader.MaxMarkdownBytes), in characters.</summary>
    public const int MaxBodyLength = 512 * 1024;

    /// <summary>Far above 50 questions of the longest allowed texts; beyond it is not a quiz but a payload.</summary>
    public const int MaxQuizJsonLength = 512 * 1024;

    /// <summary>Learning paths a lesson may name (<see cref="Paths"/>, <see cref="EntryTestFor"/>), and their slugs joined by ",".</summary>
    public const int MaxPaths = 20;
    public const int MaxPathListLength = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";

    /// <summary>The slug of the lesson's topic.</summary>
    public string Topic { get; init; } = "";
    public LessonType Type { get; init; } = LessonType.Tutorial;
    public LessonLevel Level { get; init; } = LessonLevel.Beginner;
    public int Minutes { get; init; } = DefaultMinutes;

    /// <summary>Words residents type when searching, comma-separated (as stored on a revision).</summary>
    public string Tags { get; init; } = "";
    public string Body { get; init; } = "";

    /// <summary>A YouTube address for the lesson's video, or null.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>Paths of the lesson's files (its media library in the studio, its folder in a pack).</summary>
    public string? VideoPath { get; init; }
    public string? CaptionsPath { get; init; }
    public string? PosterPath { get; init; }
    public string? CoverPath { get; init; }

    /// <summary>The quiz as written (in the studio possibly half-written); a revision holds it checked.</summary>
    public QuizInput? Quiz { get; init; }

    /// <summary>Slugs of learning paths to join once published.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Slugs of the learning paths whose entry test this quiz lesson becomes once published (docs/architecture.md §9, "Gains").</summary>
    public IReadOnlyList<string> EntryTestFor { get; init; } = [];

    /// <summary>
    /// The same content, normalized the way the import normalizes a file (NFC, no control characters, one-line fields
    /// trimmed, numbers in range), or the reason it cannot be stored at all. Long one-line fields are cut to their
    /// column (the editor limits them as she types); a body or quiz too long to store is refused, never cut.
    /// </summary>
    public (LessonContent? Content, string? RefusalKey) Clean()
    {
        var body = TextCleaning.Clean(Body.Replace("\r\n", "\n"));
        if (body.Length > MaxBodyLength)
            return (null, StudioReasons.BodyTooLong);
        string? quizJson = Quiz is null ? null : JsonSerializer.Serialize(Quiz, Json);
        if (quizJson?.Length > MaxQuizJsonLength)
            return (null, StudioReasons.QuizTooLong);
        return (this with
        {
            Title = Cut(TextCleaning.OneLine(Title), MaxTitleLength),
            Summary = Cut(TextCleaning.OneLine(Summary), MaxSummaryLength),
            Topic = Cut(TextCleaning.OneLine(Topic), MaxTopicLength),
            Type = Enum.IsDefined(Type) ? Type : LessonType.Tutorial,
            Level = Enum.IsDefined(Level) ? Level : LessonLevel.Beginner,
            Minutes = Math.Clamp(Minutes, MinMinutes, MaxMinutes),
            Tags = Cut(JoinTags(Tags.Split(',').Select(TextCleaning.OneLine).Where(t => t.Length > 0).Distinct()), MaxTagsLength),
            Body = body,
            VideoUrl = Optional(VideoUrl, MaxVideoUrlLength),
            VideoPath = Optional(VideoPath, MaxPathLength),
            CaptionsPath = Optional(CaptionsPath, MaxPathLength),
            PosterPath = Optional(PosterPath, MaxPathLength),
            CoverPath = Optional(CoverPath, MaxPathLength),
            Quiz = quizJson is null ? null : JsonSerializer.Deserialize<QuizInput>(quizJson, Json),
            Paths = PathSlugs(Paths),
            EntryTestFor = PathSlugs(EntryTestFor),
        }, null);
    }

    /// <summary>True when both hold the same text, settings, quiz and references.</summary>
    public bool SameAs(LessonContent other) => Fingerprint() == other.Fingerprint();

    private string Fingerprint() => JsonSerializer.Serialize(this, Json);

    /// <summary>The file paths this content names outside its body (video, captions, poster, cover, quiz pictures).</summary>
    public IEnumerable<string> MetadataPaths()
    {
        foreach (var path in new[] { VideoPath, CaptionsPath, PosterPath, CoverPath })
            if (path is not null)
                yield return path;
        foreach (var question in Quiz?.Questions ?? [])
            foreach (var option in question?.Options ?? [])
                if (!string.IsNullOrWhiteSpace(option?.Image))
                    yield return option.Image.Trim();
    }

    /// <summary>The tags as a revision stores them: one list joined by ", ", a tag written "a, b" counting as two.</summary>
    public static string JoinTags(IEnumerable<string> tags) =>
        string.Join(", ", tags.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The tags one by one.</summary>
    public static IReadOnlyList<string> SplitTags(string tags) =>
        tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A list of path slugs as a working copy stores it (comma-separated), and back.</summary>
    public static string JoinSlugs(IEnumerable<string> slugs) => string.Join(',', slugs);

    public static IReadOnlyList<string> SplitSlugs(string slugs) =>
        slugs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The quiz stored as JSON in a working copy, and back (null when none).</summary>
    public static string? QuizToJson(QuizInput? quiz) => quiz is null ? null : JsonSerializer.Serialize(quiz, Json);

    public static QuizInput? QuizFromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<QuizInput>(json, Json);

    private static List<string> PathSlugs(IEnumerable<string> slugs) =>
        slugs.Select(p => TextCleaning.OneLine(p)).Where(ContentReader.IsSlug).Distinct().Take(MaxPaths).ToList();

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();

    private static string? Optional(string? s, int max)
    {
        var one = TextCleaning.OneLine(s);
        return one.Length == 0 ? null : Cut(one, max);
    }
}
