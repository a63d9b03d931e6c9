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

    public required string Title { get; set; }
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
}

/// <summary>Maps a path written in a revision's Markdown (e.g. <c>buoc-1.png</c>) to a stored media asset.</summary>
public sealed class RevisionMedia
{
    public int RevisionId { get; set; }
    public required string Path { get; set; }
    public Guid MediaAssetId { get; set; }
}
