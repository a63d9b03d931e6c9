using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio.Review;

/// <summary>
/// The reviewer's side of the workflow: Draft → In review (the author's "Gửi duyệt", <see cref="Drafts.SubmitAsync"/>)
/// → Published, or Sent back with a reason; Archived. Reviewers and admins read the queue, comment, send back,
/// publish, schedule and archive; authors only submit (an author who is not a reviewer cannot publish, even her own
/// lesson). A singleton with a context per call; every call re-reads the actor's roles from the database.
/// Reviews.Comments.cs: comments and what the author sees.
/// </summary>
public sealed partial class Reviews(
    IDbContextFactory<LearningDbContext> contexts,
    LessonPublisher publisher,
    LessonMarkdown markdown,
    TimeProvider clock,
    ILogger<Reviews> log)
{
    /// <summary>What waits for review, oldest first; null when she is not a reviewer or admin.</summary>
    public async Task<IReadOnlyList<QueueItem>?> QueueAsync(string actorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is null)
            return null;
        var rows = await (from d in db.LessonDrafts().AsNoTracking()
                          where d.State == ReviewState.InReview && d.SubmittedRevisionId != null
                          join r in db.LessonRevisions.AsNoTracking() on d.SubmittedRevisionId equals r.Id
                          join rv in db.LessonReviews().AsNoTracking() on d.LessonId equals rv.LessonId into reviews
                          from rv in reviews.DefaultIfEmpty()
                          orderby d.SubmittedAt, d.LessonId
                          select new
                          {
                              d.LessonId, d.Lesson.Slug, r.Title, d.Lesson.AuthorId, d.Lesson.Team, d.SubmittedAt, d.SubmittedBy, RevisionId = r.Id,
                              r.Number, IsChange = d.Lesson.PublishedRevisionId != null, Scheduled = rv == null ? null : rv.ScheduledFor,
                          }).Take(500).ToListAsync(ct);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.AuthorId, r.SubmittedBy }), ct);
        var lessonIds = rows.Select(r => r.LessonId).ToList();
        var open = await db.ReviewComments().AsNoTracking().Where(c => lessonIds.Contains(c.LessonId) && c.ResolvedAt == null)
            .GroupBy(c => c.LessonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(r => new QueueItem(r.LessonId, r.Slug, r.Title, Name(names, r.AuthorId), r.Team, r.SubmittedAt ?? default,
            Name(names, r.SubmittedBy), r.RevisionId, r.Number, r.IsChange, r.Scheduled, open.GetValueOrDefault(r.LessonId))).ToList();
    }

    /// <summary>The lesson as sent for review, rendered as residents will see it, with comments and the changes since the last review.</summary>
    public async Task<(ReviewView? View, string? Refusal)> OpenAsync(string actorId, string slug, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is null)
            return (null, ReviewReasons.ReviewersOnly);
        var row = await db.LessonDrafts().AsNoTracking().Where(d => d.Lesson.Slug == slug)
            .Select(d => new { Draft = d, d.Lesson.Status, d.Lesson.AuthorId, d.Lesson.PublishedRevisionId }).FirstOrDefaultAsync(ct);
        if (row is null)
            return (null, StudioReasons.NotFound);
        var d = row.Draft;
        var shownId = d.SubmittedRevisionId ?? d.LastRevisionId ?? row.PublishedRevisionId;
        if (shownId is null || await StoredRevision.LoadAsync(db, d.LessonId, shownId.Value, ct) is not { } shown)
            return (null, ReviewReasons.NotInReview);
        var review = await db.LessonReviews().AsNoTracking().FirstOrDefaultAsync(r => r.LessonId == d.LessonId, ct);

        // "What changed since my last review": from the revision last sent back or published, else from the public one.
        var basisId = review?.ReviewedRevisionId ?? row.PublishedRevisionId;
        RevisionComparison? since = null;
        if (basisId is { } b && b != shown.Revision.Id && await StoredRevision.LoadAsync(db, d.LessonId, b, ct) is { } basis)
            since = new RevisionComparison(basis.Revision.Id, basis.Revision.Number, shown.Revision.Id, shown.Revision.Number,
                RevisionDiff.Compare(basis.Content, shown.Content, basis.FileIds, shown.FileIds));

        var names = await NamesAsync(db, [row.AuthorId, d.SubmittedBy], ct);
        var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == shown.Content.Topic).Select(t => t.Title).FirstOrDefaultAsync(ct);
        var comments = await CommentsAsync(db, d.LessonId, shown.Content.Body, ct);
        var preview = DraftPreview.Render(markdown, shown.Content, shown.Files);
        return (new ReviewView(d.LessonId, slug, d.State, row.Status, shown.Revision.Id, shown.Revision.Number, shown.Content, preview, topic,
            Name(names, row.AuthorId), Name(names, d.SubmittedBy), d.SubmittedAt, comments, since, review?.SentBackReason, review?.ScheduledFor,
            d.State == ReviewState.InReview && d.SubmittedRevisionId == shown.Revision.Id), null);
    }

    /// <summary>"Trả lại": back to the author with a reason; the revision read becomes the basis of the next review.</summary>
    public async Task<ReviewResult> SendBackAsync(string actorId, int lessonId, int revisionId, string reason, CancellationToken ct)
    {
        var text = TextCleaning.Clean(reason ?? "").Trim();
        if (text.Length == 0)
            return ReviewResult.Refuse(ReviewReasons.ReasonRequired);
        if (text.Length > LessonReview.MaxReasonLength)
            text = text[..LessonReview.MaxReasonLength];
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is not { } actor)
            return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
        var draft = await db.LessonDrafts().FirstOrDefaultAsync(d => d.LessonId == lessonId, ct);
        if (draft is null || draft.State != ReviewState.InReview)
            return ReviewResult.Refuse(ReviewReasons.NotInReview);
        if (draft.SubmittedRevisionId != revisionId)
            return ReviewResult.Refuse(ReviewReasons.ChangedSinceOpened);
        var now = clock.GetUtcNow().UtcDateTime;
        draft.State = ReviewState.SentBack;
        var review = await ReviewRowAsync(db, lessonId, ct);
        (review.SentBackReason, review.SentBackAt, review.SentBackBy) = (text, now, actor.Id);
        (review.ReviewedRevisionId, review.ReviewedBy) = (revisionId, actor.Id);
        (review.ScheduledFor, review.ScheduledRevisionId, review.ScheduledBy) = (null, null, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewResult.Refuse(ReviewReasons.ChangedSinceOpened);
        }
        log.LogInformation("{ActorId} sent lesson {LessonId} back (revision {RevisionId})", actor.Id, lessonId, revisionId);
        return ReviewResult.Ok;
    }

    /// <summary>"Xuất bản": the revision the reviewer read goes public at once, on every instance, and into search.</summary>
    public async Task<ReviewResult> PublishAsync(string actorId, int lessonId, int revisionId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await ReviewerAsync(db, actorId, ct) is null)
            {
                log.LogWarning("Refused: {ActorId}, who is not a reviewer, tried to publish lesson {LessonId}", actorId, lessonId);
                return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
            }
            if (await InReviewAsync(db, lessonId, revisionId, ct) is { } refusal)
                return refusal;
        }
        return await publisher.PublishAsync(lessonId, revisionId, actorId, ct) ? ReviewResult.Ok : ReviewResult.Refuse(ReviewReasons.RevisionNotFound);
    }

    /// <summary>Publishes the revision at <paramref name="at"/> (a moment to come); <see cref="ScheduledPublishing"/> does it.</summary>
    public async Task<ReviewResult> ScheduleAsync(string actorId, int lessonId, int revisionId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is not { } actor)
            return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
        if (at <= clock.GetUtcNow())
            return ReviewResult.Refuse(ReviewReasons.ScheduleInPast);
        if (await InReviewAsync(db, lessonId, revisionId, ct) is { } refusal)
            return refusal;
        // A schedule never brings back a lesson the ward took down: that is a reviewer's "Xuất bản", now.
        if (await db.Lessons.AnyAsync(l => l.Id == lessonId && l.Status == LessonStatus.Archived, ct))
            return ReviewResult.Refuse(ReviewReasons.Archived);
        var review = await ReviewRowAsync(db, lessonId, ct);
        (review.ScheduledFor, review.ScheduledRevisionId, review.ScheduledBy) = (at.UtcDateTime, revisionId, actor.Id);
        await db.SaveChangesAsync(ct);
        log.LogInformation("{ActorId} scheduled revision {RevisionId} of lesson {LessonId} for {At:o}", actor.Id, revisionId, lessonId, at);
        return ReviewResult.Ok;
    }

    public async Task<ReviewResult> CancelScheduleAsync(string actorId, int lessonId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is null)
            return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
        await db.LessonReviews().Where(r => r.LessonId == lessonId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ScheduledFor, (DateTime?)null).SetProperty(r => r.ScheduledRevisionId, (int?)null).SetProperty(r => r.ScheduledBy, (string?)null), ct);
        return ReviewResult.Ok;
    }

    /// <summary>"Lưu trữ": takes a published lesson off the public site; it can be published again from review.</summary>
    public async Task<ReviewResult> ArchiveAsync(string actorId, int lessonId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (await ReviewerAsync(db, actorId, ct) is null)
                return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
        }
        return await publisher.ArchiveAsync(lessonId, actorId, ct) ? ReviewResult.Ok : ReviewResult.Refuse(ReviewReasons.NotPublished);
    }

    private async Task<StudioActor?> ReviewerAsync(LearningDbContext db, string actorId, CancellationToken ct) =>
        await StudioActor.FindAsync(db, actorId, clock.GetUtcNow(), ct) is { } actor && actor.CanReview ? actor : null;

    private static async Task<ReviewResult?> InReviewAsync(LearningDbContext db, int lessonId, int revisionId, CancellationToken ct)
    {
        var draft = await db.LessonDrafts().AsNoTracking().Where(d => d.LessonId == lessonId)
            .Select(d => new { d.State, d.SubmittedRevisionId }).FirstOrDefaultAsync(ct);
        if (draft is null || draft.State != ReviewState.InReview)
            return ReviewResult.Refuse(ReviewReasons.NotInReview);
        return draft.SubmittedRevisionId == revisionId ? null : ReviewResult.Refuse(ReviewReasons.ChangedSinceOpened);
    }

    private static async Task<LessonReview> ReviewRowAsync(LearningDbContext db, int lessonId, CancellationToken ct)
    {
        var review = await db.LessonReviews().FirstOrDefaultAsync(r => r.LessonId == lessonId, ct);
        if (review is null)
            db.LessonReviews().Add(review = new LessonReview { LessonId = lessonId });
        return review;
    }

    private static async Task<Dictionary<string, string>> NamesAsync(LearningDbContext db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? "", ct);
    }

    private static string? Name(Dictionary<string, string> names, string? id) => id is null ? null : names.GetValueOrDefault(id);
}
