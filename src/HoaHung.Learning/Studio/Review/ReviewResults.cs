using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Studio.Review;

/// <summary>Why a review action was refused: localization keys (the web project's Studio resources).</summary>
public static class ReviewReasons
{
    /// <summary>Only reviewers and admins review, comment, send back, publish, schedule and archive.</summary>
    public const string ReviewersOnly = "Review.Refused.ReviewersOnly";

    /// <summary>The lesson is not waiting for review (already published, sent back, or never sent).</summary>
    public const string NotInReview = "Review.Refused.NotInReview";

    /// <summary>The author sent a newer version since the reviewer opened it: she must read that one first.</summary>
    public const string ChangedSinceOpened = "Review.Refused.ChangedSinceOpened";

    public const string ReasonRequired = "Review.Refused.ReasonRequired";
    public const string CommentRequired = "Review.Refused.CommentRequired";
    public const string LineOutOfRange = "Review.Refused.LineOutOfRange";
    public const string ScheduleInPast = "Review.Refused.ScheduleInPast";

    /// <summary>An archived lesson is not scheduled back: a takedown stays down until a reviewer publishes it now.</summary>
    public const string Archived = "Review.Refused.Archived";
    public const string NotPublished = "Review.Refused.NotPublished";
    public const string RevisionNotFound = "Review.Refused.RevisionNotFound";
}

/// <summary>The outcome of a review action: done, or refused with a reason key (<see cref="ReviewReasons"/>, <see cref="StudioReasons"/>).</summary>
public abstract record ReviewResult
{
    private ReviewResult() { }

    public sealed record Done : ReviewResult;

    public sealed record Refused(string ReasonKey) : ReviewResult;

    public static readonly ReviewResult Ok = new Done();

    public static ReviewResult Refuse(string key) => new Refused(key);
}

/// <summary>A lesson waiting in the reviewer's queue.</summary>
/// <param name="IsChange">The lesson is already public: this is a change to it (the public page keeps the published revision meanwhile).</param>
public sealed record QueueItem(int LessonId, string Slug, string Title, string? AuthorName, string? Team, DateTime SubmittedAt,
    string? SubmittedBy, int RevisionId, int RevisionNumber, bool IsChange, DateTime? ScheduledFor, int OpenComments);

/// <summary>A comment as the reviewer and the author see it; <see cref="Resolved"/> once marked, or once the author changed the quoted lines.</summary>
public sealed record CommentView(int Id, int RevisionId, int RevisionNumber, int? Line, int? EndLine, string Quote, string Text,
    string AuthorName, DateTime CreatedAt, bool Resolved);

/// <summary>What the reviewer reads: the submitted revision, comments, and what changed since the last review.</summary>
public sealed record ReviewView(
    int LessonId,
    string Slug,
    ReviewState State,
    LessonStatus PublicStatus,
    int RevisionId,
    int RevisionNumber,
    LessonContent Content,
    PreviewHtml Preview,
    string? TopicTitle,
    string? AuthorName,
    string? SubmittedByName,
    DateTime? SubmittedAt,
    IReadOnlyList<CommentView> Comments,
    RevisionComparison? SinceLastReview,
    string? SentBackReason,
    DateTime? ScheduledFor,
    bool CanPublish)
{
    public IReadOnlyList<string> Lines { get; } = Content.Body.Split('\n');
}

/// <summary>What the author sees of the review in the editor: the reason the lesson was sent back and the comments.</summary>
public sealed record ReviewNotes(ReviewState State, string? SentBackReason, string? SentBackByName, DateTime? SentBackAt,
    IReadOnlyList<CommentView> Comments, DateTime? ScheduledFor);
