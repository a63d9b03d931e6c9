using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Studio;

/// <summary>
/// Where a lesson's pending change stands in review. Separate from <see cref="Lesson.Status"/>, which says only what
/// the public site serves: a published lesson whose change is in review keeps serving its published revision.
/// </summary>
public enum ReviewState
{
    /// <summary>Being written; nobody has been asked to review it.</summary>
    Editing,

    /// <summary>Sent for review ("Gửi duyệt"): <see cref="LessonDraft.SubmittedRevisionId"/> is what the reviewer reads.</summary>
    InReview,

    /// <summary>A reviewer sent it back to the author to fix (the reviewer's side is issue 14).</summary>
    SentBack,
}

/// <summary>
/// A lesson's working copy in the studio: metadata, Markdown body, quiz and references to the lesson's media library,
/// overwritten by every autosave. One per lesson, made from its newest revision the first time someone opens it
/// (or at creation for a new lesson). Explicit saves ("Lưu nháp", "Gửi duyệt") snapshot it into an immutable
/// <see cref="LessonRevision"/>; nothing here is ever shown to residents.
/// </summary>
/// <remarks>
/// Files are referenced by their path in the lesson's library (<see cref="LessonMedia.Path"/>), as in a content
/// folder, so a lesson pack is the working copy written out; a revision resolves them to media asset ids.
/// </remarks>
public sealed class LessonDraft
{
    public int LessonId { get; set; }
    public Lesson Lesson { get; set; } = default!;

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string TopicSlug { get; set; } = "";
    public LessonType Type { get; set; }
    public LessonLevel Level { get; set; }
    public int Minutes { get; set; } = 5;
    public int Order { get; set; } = 100;
    public string Tags { get; set; } = "";
    public string Body { get; set; } = "";
    public string? VideoUrl { get; set; }
    public string? VideoPath { get; set; }
    public string? CaptionsPath { get; set; }
    public string? PosterPath { get; set; }
    public string? CoverPath { get; set; }

    /// <summary>The quiz as written in the builder (a <c>Quizzes.QuizInput</c> as JSON, possibly half-written); null when none.</summary>
    public string? QuizJson { get; set; }

    /// <summary>Slugs of the learning paths the author wants the lesson in, comma-separated; applied when it is published.</summary>
    public string Paths { get; set; } = "";

    /// <summary>Comma-separated slugs of the paths whose entry test this (quiz) lesson becomes once published.</summary>
    public string EntryTestFor { get; set; } = "";

    public ReviewState State { get; set; }

    /// <summary>
    /// Optimistic concurrency: incremented by every save that changes something. A save states the version it was
    /// based on; an older one is refused with both versions instead of overwriting newer text.
    /// </summary>
    public long Version { get; set; } = 1;

    /// <summary>The revision the working copy was made from (null for a lesson begun in the studio)…</summary>
    public int? BaseRevisionId { get; set; }

    /// <summary>…and the <see cref="Version"/> at which it still equalled it: the lesson has a pending change when they differ.</summary>
    public long BaseVersion { get; set; }

    /// <summary>The newest revision saved from this working copy, and the <see cref="Version"/> it snapshots.</summary>
    public int? LastRevisionId { get; set; }
    public long LastRevisionVersion { get; set; }

    /// <summary>What was sent for review, when and by whom (user id).</summary>
    public int? SubmittedRevisionId { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>User id of whoever saved last, and the editor session she saved from (see <see cref="DraftEdit"/>).</summary>
    public string? UpdatedBy { get; set; }
    public string? UpdatedSession { get; set; }

    public bool HasPendingChange => Version != BaseVersion;

    /// <summary>The working copy's content: the one mapping from this row (docs/architecture.md §4, "One content type").</summary>
    public LessonContent ToContent() => new()
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
        VideoPath = VideoPath,
        CaptionsPath = CaptionsPath,
        PosterPath = PosterPath,
        CoverPath = CoverPath,
        Quiz = LessonContent.QuizFromJson(QuizJson),
        Paths = LessonContent.SplitSlugs(Paths),
        EntryTestFor = LessonContent.SplitSlugs(EntryTestFor),
    };

    /// <summary>Writes (already cleaned) content into the working copy: the one mapping into this row.</summary>
    public void Apply(LessonContent c)
    {
        (Title, Summary, TopicSlug, Type, Level, Minutes, Tags, Body) = (c.Title, c.Summary, c.Topic, c.Type, c.Level, c.Minutes, c.Tags, c.Body);
        (VideoUrl, VideoPath, CaptionsPath, PosterPath, CoverPath) = (c.VideoUrl, c.VideoPath, c.CaptionsPath, c.PosterPath, c.CoverPath);
        QuizJson = LessonContent.QuizToJson(c.Quiz);
        Paths = LessonContent.JoinSlugs(c.Paths);
        EntryTestFor = LessonContent.JoinSlugs(c.EntryTestFor);
    }
}
