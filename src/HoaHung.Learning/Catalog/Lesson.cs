namespace HoaHung.Learning.Catalog;

public enum LessonType
{
    Tutorial,
    Video,
    Quiz,
}

public enum LessonLevel
{
    Beginner,
    Intermediate,
    Advanced,
}

/// <summary>What anyone may know about a lesson's quiz before taking it (never its answers).</summary>
public sealed record QuizSummary(string Title, int Questions, int PassMark);

public enum LessonStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

/// <summary>
/// A lesson's identity and the metadata of its published revision, copied at publish time so that
/// list pages read one narrow row instead of joining revisions.
/// </summary>
public sealed class Lesson
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int TopicId { get; set; }
    public Topic Topic { get; set; } = default!;
    public LessonStatus Status { get; set; }
    public int Order { get; set; } = 100;

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public LessonType Type { get; set; }
    public LessonLevel Level { get; set; }
    public int Minutes { get; set; }
    public string Tags { get; set; } = "";

    /// <summary>The published revision's quiz (title, questions, pass mark), copied for the lesson page and the API;
    /// <see cref="QuizTitle"/> is null when it has none.</summary>
    public string? QuizTitle { get; set; }
    public int QuizQuestions { get; set; }
    public int QuizPassMark { get; set; }

    public int? PublishedRevisionId { get; set; }
    public LessonRevision? PublishedRevision { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Who owns the lesson in the studio: the author who created it there and her khu phố team (copied at creation,
    /// so a later change of team does not move her lessons). Both are null for imported lessons, which only reviewers
    /// and admins edit (Studio.StudioAccess).
    /// </summary>
    public string? AuthorId { get; set; }
    public string? Team { get; set; }

    /// <summary>Optimistic concurrency token, changed on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<LessonRevision> Revisions { get; set; } = [];
}
