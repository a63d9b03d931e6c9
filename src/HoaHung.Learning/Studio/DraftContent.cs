using System.Text.Json;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Studio;

/// <summary>
/// What an author edits: a lesson's metadata, Markdown body, quiz and file references — the fields of a content
/// folder's index.md and quiz.yml (content/README.md). Comes from an untrusted editor: <see cref="Clean"/> first.
/// </summary>
public sealed record DraftContent
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 400;
    public const int MaxTagsLength = 1000;
    public const int MaxPathLength = 120;

    /// <summary>The import's limit for index.md (ContentReader.MaxMarkdownBytes), in characters.</summary>
    public const int MaxBodyLength = 512 * 1024;

    /// <summary>Far above 50 questions of the longest allowed texts; beyond it is not a quiz but a payload.</summary>
    public const int MaxQuizJsonLength = 512 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Topic { get; init; } = "";
    public LessonType Type { get; init; } = LessonType.Tutorial;
    public LessonLevel Level { get; init; } = LessonLevel.Beginner;
    public int Minutes { get; init; } = 5;

    /// <summary>Words residents type when searching, comma-separated (as stored on a revision).</summary>
    public string Tags { get; init; } = "";
    public string Body { get; init; } = "";

    /// <summary>A YouTube address for the lesson's video, or null.</summary>
    public string? VideoUrl { get; init; }

    /// <summary>Paths in the lesson's media library (see <see cref="LessonMedia.Path"/>).</summary>
    public string? VideoPath { get; init; }
    public string? CaptionsPath { get; init; }
    public string? PosterPath { get; init; }
    public string? CoverPath { get; init; }

    public QuizInput? Quiz { get; init; }

    /// <summary>Slugs of learning paths to join once published.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>
    /// The same content, normalized the way the import normalizes a file (NFC, no control characters, one-line fields
    /// trimmed, numbers in range), or the reason it cannot be stored at all. Long one-line fields are cut to their
    /// column (the editor limits them as she types); a body or quiz too long to store is refused, never cut.
    /// </summary>
    public (DraftContent? Content, string? RefusalKey) Clean()
    {
        var body = TextCleaning.Clean(Body.Replace("\r\n", "\n"));
        if (body.Length > MaxBodyLength)
            return (null, StudioReasons.BodyTooLong);
        string? quizJson = Quiz is null ? null : JsonSerializer.Serialize(Quiz, Json);
        if (quizJson?.Length > MaxQuizJsonLength)
            return (null, StudioReasons.QuizTooLong);
        var tags = string.Join(", ", Tags.Split(',').Select(TextCleaning.OneLine).Where(t => t.Length > 0).Distinct());
        return (this with
        {
            Title = Cut(TextCleaning.OneLine(Title), MaxTitleLength),
            Summary = Cut(TextCleaning.OneLine(Summary), MaxSummaryLength),
            Topic = Cut(TextCleaning.OneLine(Topic), 80),
            Type = Enum.IsDefined(Type) ? Type : LessonType.Tutorial,
            Level = Enum.IsDefined(Level) ? Level : LessonLevel.Beginner,
            Minutes = Math.Clamp(Minutes, 1, 180),
            Tags = Cut(tags, MaxTagsLength),
            Body = body,
            VideoUrl = Optional(VideoUrl, 500),
            VideoPath = Optional(VideoPath, MaxPathLength),
            CaptionsPath = Optional(CaptionsPath, MaxPathLength),
            PosterPath = Optional(PosterPath, MaxPathLength),
            CoverPath = Optional(CoverPath, MaxPathLength),
            Quiz = quizJson is null ? null : JsonSerializer.Deserialize<QuizInput>(quizJson, Json),
            Paths = Paths.Select(p => TextCleaning.OneLine(p)).Where(ContentReader.IsSlug).Distinct().Take(20).ToList(),
        }, null);
    }

    /// <summary>True when both hold the same text, settings, quiz and references.</summary>
    public bool SameAs(DraftContent other) => Fingerprint() == other.Fingerprint();

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

    public static DraftContent From(LessonDraft d) => new()
    {
        Title = d.Title,
        Summary = d.Summary,
        Topic = d.TopicSlug,
        Type = d.Type,
        Level = d.Level,
        Minutes = d.Minutes,
        Tags = d.Tags,
        Body = d.Body,
        VideoUrl = d.VideoUrl,
        VideoPath = d.VideoPath,
        CaptionsPath = d.CaptionsPath,
        PosterPath = d.PosterPath,
        CoverPath = d.CoverPath,
        Quiz = string.IsNullOrEmpty(d.QuizJson) ? null : JsonSerializer.Deserialize<QuizInput>(d.QuizJson, Json),
        Paths = d.Paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    /// <summary>Writes this (already cleaned) content into the working copy.</summary>
    public void CopyTo(LessonDraft d)
    {
        (d.Title, d.Summary, d.TopicSlug, d.Type, d.Level, d.Minutes, d.Tags, d.Body) =
            (Title, Summary, Topic, Type, Level, Minutes, Tags, Body);
        (d.VideoUrl, d.VideoPath, d.CaptionsPath, d.PosterPath, d.CoverPath) = (VideoUrl, VideoPath, CaptionsPath, PosterPath, CoverPath);
        d.QuizJson = Quiz is null ? null : JsonSerializer.Serialize(Quiz, Json);
        d.Paths = string.Join(',', Paths);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();

    private static string? Optional(string? s, int max)
    {
        var one = TextCleaning.OneLine(s);
        return one.Length == 0 ? null : Cut(one, max);
    }
}
