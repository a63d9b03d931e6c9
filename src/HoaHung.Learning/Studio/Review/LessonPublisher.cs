using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio.Review;

/// <summary>
/// Makes a reviewed revision what residents see, by the same path as the content import: <see cref="Publishing.Publish"/>
/// points the lesson at the revision and copies its list metadata, the search index takes the lesson in at once, and
/// <see cref="CatalogChanges.PublishedAsync"/> evicts the cached public pages on this instance and tells the others.
/// Also archives (the lesson leaves the public site and search). Callers check who may do it.
/// </summary>
public sealed class LessonPublisher(IDbContextFactory<LearningDbContext> contexts, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<LessonPublisher> log)
{
    private const int Attempts = 3;

    /// <summary>Publishes <paramref name="revisionId"/> of the lesson; false when the revision or its topic is gone.</summary>
    public Task<bool> PublishAsync(int lessonId, int revisionId, string actorId, CancellationToken ct) =>
        PublishAsync(lessonId, revisionId, actorId, scheduled: false, ct);

    /// <summary>
    /// The scheduler's publication: done only if, inside the publishing transaction, the lesson's schedule still names
    /// this revision and the lesson is not archived (archiving cancels the schedule, and the lesson's version token
    /// makes an archive that commits meanwhile win); false otherwise, or when the revision or its topic is gone.
    /// </summary>
    public Task<bool> PublishScheduledAsync(int lessonId, int revisionId, string actorId, CancellationToken ct) =>
        PublishAsync(lessonId, revisionId, actorId, scheduled: true, ct);

    private async Task<bool> PublishAsync(int lessonId, int revisionId, string actorId, bool scheduled, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            try
            {
                if (!await PublishInAsync(db, lessonId, revisionId, actorId, scheduled, ct))
                    return false;
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // The author autosaved at the same moment: her text is kept; publish again on the fresh row.
            }
        }
        log.LogInformation("{ActorId} published revision {RevisionId} of lesson {LessonId}", actorId, revisionId, lessonId);
        await AnnounceAsync(lessonId, ct);
        return true;
    }

    /// <summary>
    /// Takes a published lesson off the public site (and out of search); its revisions and working copy stay. A
    /// scheduled publication of it is cancelled in the same transaction: a takedown stays down.
    /// </summary>
    public async Task<bool> ArchiveAsync(int lessonId, string actorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = await db.Lessons.Where(l => l.Id == lessonId && l.Status == LessonStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LessonStatus.Archived).SetProperty(l => l.UpdatedAt, now)
                    .SetProperty(l => l.Version, Guid.NewGuid()), ct);
            if (changed == 0)
                return false;
            await db.LessonReviews().Where(r => r.LessonId == lessonId && r.ScheduledFor != null).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ScheduledFor, (DateTime?)null).SetProperty(r => r.ScheduledRevisionId, (int?)null)
                .SetProperty(r => r.ScheduledBy, (string?)null), ct);
            await transaction.CommitAsync(ct);
        }
        log.LogInformation("{ActorId} archived lesson {LessonId}", actorId, lessonId);
        await AnnounceAsync(lessonId, ct);
        return true;
    }

    private async Task<bool> PublishInAsync(LearningDbContext db, int lessonId, int revisionId, string actorId, bool scheduled, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lesson = await db.Lessons.FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        if (scheduled && (lesson is null || lesson.Status == LessonStatus.Archived
                || !await db.LessonReviews().AnyAsync(r => r.LessonId == lessonId && r.ScheduledRevisionId == revisionId, ct)))
            return false;
        var revision = await db.LessonRevisions.FirstOrDefaultAsync(r => r.Id == revisionId && r.LessonId == lessonId, ct);
        var topic = revision is null ? null : await db.Topics.FirstOrDefaultAsync(t => t.Slug == revision.TopicSlug, ct);
        if (lesson is null || revision is null || topic is null)
            return false;
        var topicId = (int?)topic.Id;
        // A topic that came with a pack is a draft until a reviewer publishes one of its lessons: this one.
        topic.IsDraft = false;
        var now = clock.GetUtcNow().UtcDateTime;
        Publishing.Publish(lesson, revision, topicId.Value, now);

        var draft = await db.LessonDrafts().FirstOrDefaultAsync(d => d.LessonId == lessonId, ct);
        if (draft is not null)
        {
            await JoinPathsAsync(db, lessonId, draft.Paths, ct);
            await SetEntryTestsAsync(db, lessonId, revision.Type == LessonType.Quiz ? draft.EntryTestFor : "", ct);
            if (draft.SubmittedRevisionId == revisionId || draft.State == ReviewState.InReview && draft.SubmittedRevisionId is null)
                (draft.State, draft.SubmittedRevisionId, draft.SubmittedAt, draft.SubmittedBy) = (ReviewState.Editing, null, null, null);
            // The working copy equals the published revision at the version that revision was saved from (if it was).
            draft.BaseRevisionId = revisionId;
            draft.BaseVersion = draft.LastRevisionId == revisionId ? draft.LastRevisionVersion : 0;
        }
        var review = await db.LessonReviews().FirstOrDefaultAsync(r => r.LessonId == lessonId, ct);
        if (review is null)
            db.LessonReviews().Add(review = new LessonReview { LessonId = lessonId });
        (review.ReviewedRevisionId, review.ReviewedBy, review.SentBackReason, review.SentBackAt, review.SentBackBy) = (revisionId, actorId, null, null, null);
        (review.ScheduledFor, review.ScheduledRevisionId, review.ScheduledBy) = (null, null, null);
        await db.SaveChangesAsync(ct);
        // Paths that came with a pack are drafts until a reviewer publishes one of their lessons: this one.
        await db.LearningPaths.Where(p => p.IsDraft && db.PathLessons.Any(pl => pl.PathId == p.Id && pl.LessonId == lessonId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDraft, false), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Adds the lesson at the end of each learning path the author chose that does not hold it yet.</summary>
    private static async Task JoinPathsAsync(LearningDbContext db, int lessonId, string paths, CancellationToken ct)
    {
        var slugs = paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (slugs.Length == 0)
            return;
        var targets = await db.LearningPaths.AsNoTracking().Where(p => slugs.Contains(p.Slug))
            .Select(p => new { p.Id, Holds = p.Lessons.Any(l => l.LessonId == lessonId), Last = p.Lessons.Max(l => (int?)l.Position) ?? 0 })
            .ToListAsync(ct);
        foreach (var path in targets.Where(p => !p.Holds))
            db.PathLessons.Add(new PathLesson { PathId = path.Id, LessonId = lessonId, Position = path.Last + 1 });
    }

    /// <summary>
    /// Makes the (quiz) lesson the entry test of each path the working copy names, and of no other: a path it was the
    /// entry test of and no longer names has none. Another lesson's entry test is replaced only where this one is named.
    /// </summary>
    private static async Task SetEntryTestsAsync(LearningDbContext db, int lessonId, string paths, CancellationToken ct)
    {
        var slugs = paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var targets = await db.LearningPaths.Where(p => slugs.Contains(p.Slug) || p.EntryTestId == lessonId).ToListAsync(ct);
        foreach (var path in targets)
            path.EntryTestId = slugs.Contains(path.Slug) ? lessonId : null;
    }

    private async Task AnnounceAsync(int lessonId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISearchIndex>().UpdateAsync([lessonId], ct);
        await scope.ServiceProvider.GetRequiredService<CatalogChanges>().PublishedAsync(ct);
    }
}
