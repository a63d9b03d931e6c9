using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Catalog;

public enum RevisionSource
{
    Import,
    Author,
}

/// <summary>An immutable snapshot of a lesson: every save adds one; publishing points the lesson at one.</summary>
public sealed class LessonRevision
{
    public int Id { get; set; }
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;
    public int Number { get; set; }
    public RevisionSource Source { get; set; }

    /// <summary>SHA-256 of the imported files (index.md and every file it references); null for authored revisions.</summary>
    public string? SourceHash { get; set; }

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string TopicSlug { get; set; } = "";
    public LessonType Type { get; set; }
    public LessonLevel Level { get; set; }
    public int Minutes { get; set; }
    public int Order { get; set; } = 100;
    public string Tags { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Front-matter video: a YouTube URL, or null when the video is a media file.</summary>
    public string? VideoUrl { get; set; }
    public Guid? VideoMediaId { get; set; }
    public Guid? CaptionsMediaId { get; set; }
    public Guid? PosterMediaId { get; set; }
    public Guid? CoverMediaId { get; set; }

    /// <summary>The lesson's quiz (a <c>Quizzes.QuizDefinition</c> as JSON), validated on import; null when it has none.</summary>
    public string? QuizJson { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>The files the body references, by the path written in the Markdown.</summary>
    public List<RevisionMedia> Media { get; set; } = [];

    /// <summary>
    /// The revision's content with its files named by their path (<paramref name="files"/>: path → media asset id, as
    /// <see cref="Media"/> holds them): the one mapping from this row (docs/architecture.md §4, "One content type").
    /// A revision holds no path choices (<see cref="LessonContent.Paths"/>, <see cref="LessonContent.EntryTestFor"/>):
    /// those live on the learning paths once published, so they come back empty.
    /// </summary>
    public LessonContent ToContent(IReadOnlyDictionary<string, Guid> files)
    {
        string? PathOf(Guid? id) => id is null ? null : files.FirstOrDefault(f => f.Value == id).Key;
        return new LessonContent
        {
            Title = Title,
            Summary = Summary,
            Topic = TopicSlug,
            Type = Type,
            Level = Level,
            Minutes = Minutes,
            Tags = Tags,
            Body = Body,
            VideoUrl = VideoUrl,
            VideoPath = PathOf(VideoMediaId),
            CaptionsPath = PathOf(CaptionsMediaId),
            PosterPath = PathOf(PosterMediaId),
            CoverPath = PathOf(CoverMediaId),
            Quiz = QuizDefinition.FromJson(QuizJson) is { } quiz ? QuizInput.From(quiz) : null,
        };
    }

    /// <summary>
    /// Writes (already checked) content into this new revision: the one mapping into this row. <paramref name="quiz"/>
    /// is the content's quiz checked (a revision never holds a half-written one); a file is referenced only when
    /// <paramref name="files"/> (path → stored asset) holds it as the right kind, a video address only when it is YouTube's.
    /// The revision's <see cref="Media"/> (every file the content uses) is the caller's.
    /// </summary>
    public void Apply(LessonContent c, QuizDefinition? quiz, IReadOnlyDictionary<string, (Guid Id, MediaKind Kind)> files)
    {
        Guid? Asset(string? path, MediaKind kind) => path is not null && files.TryGetValue(path, out var a) && a.Kind == kind ? a.Id : null;
        (Title, Summary, TopicSlug, Type, Level, Minutes, Tags, Body) = (c.Title, c.Summary, c.Topic, c.Type, c.Level, c.Minutes, c.Tags, c.Body);
        VideoUrl = c.VideoUrl is not null && LessonMarkdown.YouTubeId(c.VideoUrl) is not null ? c.VideoUrl : null;
        VideoMediaId = Asset(c.VideoPath, MediaKind.Video);
        CaptionsMediaId = Asset(c.CaptionsPath, MediaKind.Captions);
        PosterMediaId = Asset(c.PosterPath, MediaKind.Image);
        CoverMediaId = Asset(c.CoverPath, MediaKind.Image);
        QuizJson = quiz?.ToJson();
    }
}

/// <summary>Maps a path written in a revision's Markdown (e.g. <c>buoc-1.png</c>) to a stored media asset.</summary>
public sealed class RevisionMedia
{
    public int RevisionId { get; set; }
    public required string Path { get; set; }
    public Guid MediaAssetId { get; set; }
}
