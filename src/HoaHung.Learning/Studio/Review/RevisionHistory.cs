using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio.Review;

/// <summary>One revision in a lesson's history: who saved it when, and whether it is the public or the submitted one.</summary>
public sealed record RevisionRow(int Id, int Number, RevisionSource Source, string Title, DateTime CreatedAt, string? CreatedByName,
    bool IsPublished, bool IsSubmitted);

/// <summary>A lesson's history as its editor sees it; <see cref="DraftVersion"/> goes back with a restore.</summary>
public sealed record LessonHistory(int LessonId, string Slug, string Title, long DraftVersion, IReadOnlyList<RevisionRow> Revisions);

/// <summary>
/// Every revision of a lesson, newest first; any two compared word by word (<see cref="RevisionDiff"/>); any one
/// restored, which writes it into the working copy and saves that as a new revision (history is never rewritten).
/// Whoever may edit the lesson may read its history and restore.
/// </summary>
public sealed class RevisionHistory(IDbContextFactory<LearningDbContext> contexts, Drafts drafts, TimeProvider clock, ILogger<RevisionHistory> log)
{
    public async Task<(LessonHistory? History, string? Refusal)> ListAsync(string actorId, string slug, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lesson = await db.Lessons.AsNoTracking().Where(l => l.Slug == slug).Select(l => new { l.Id, l.Title, l.PublishedRevisionId }).FirstOrDefaultAsync(ct);
        if (lesson is null)
            return (null, StudioReasons.NotFound);
        var (_, refusal) = await StudioActor.ForLessonAsync(db, actorId, lesson.Id, clock.GetUtcNow(), log, ct);
        if (refusal is not null)
            return (null, refusal);
        var draft = await db.LessonDrafts().AsNoTracking().Where(d => d.LessonId == lesson.Id)
            .Select(d => new { d.Version, d.SubmittedRevisionId, d.Title }).FirstOrDefaultAsync(ct);
        var rows = await db.LessonRevisions.AsNoTracking().Where(r => r.LessonId == lesson.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.Source, r.Title, r.CreatedAt, r.CreatedBy }).ToListAsync(ct);
        var ids = rows.Select(r => r.CreatedBy).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? "", ct);
        return (new LessonHistory(lesson.Id, slug, draft?.Title ?? lesson.Title, draft?.Version ?? 0, rows.Select(r => new RevisionRow(r.Id, r.Number, r.Source,
            r.Title, r.CreatedAt, r.CreatedBy is null ? null : names.GetValueOrDefault(r.CreatedBy), r.Id == lesson.PublishedRevisionId,
            r.Id == draft?.SubmittedRevisionId)).ToList()), null);
    }

    /// <summary>What changed from revision <paramref name="fromId"/> to <paramref name="toId"/> (either order), field by field.</summary>
    public async Task<(RevisionComparison? Comparison, string? Refusal)> CompareAsync(string actorId, int lessonId, int fromId, int toId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (refusal is not null)
            return (null, refusal);
        var from = await StoredRevision.LoadAsync(db, lessonId, fromId, ct);
        var to = await StoredRevision.LoadAsync(db, lessonId, toId, ct);
        if (from is null || to is null)
            return (null, ReviewReasons.RevisionNotFound);
        return (new RevisionComparison(fromId, from.Revision.Number, toId, to.Revision.Number,
            RevisionDiff.Compare(from.Content, to.Content, from.FileIds, to.FileIds)), null);
    }

    /// <summary>
    /// Makes revision <paramref name="revisionId"/> the working copy again and saves it as a new revision. Based on
    /// <paramref name="draftVersion"/> like any save: if someone saved since, nothing is overwritten (a conflict).
    /// Its files come back into the lesson's library under their paths. The public page changes only when published.
    /// </summary>
    public async Task<DraftResult> RestoreAsync(string actorId, int lessonId, int revisionId, long draftVersion, CancellationToken ct)
    {
        LessonContent content;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var (actor, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
            if (refusal is not null)
                return new DraftResult.Refused(refusal);
            var stored = await StoredRevision.LoadAsync(db, lessonId, revisionId, ct);
            var draft = await db.LessonDrafts().AsNoTracking().Where(d => d.LessonId == lessonId).Select(d => new { d.Version, d.Paths }).FirstOrDefaultAsync(ct);
            if (stored is null || draft is null)
                return new DraftResult.Refused(ReviewReasons.RevisionNotFound);
            // A revision does not hold the learning paths: the working copy keeps its own.
            content = stored.Content with { Paths = draft.Paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
            if (draft.Version != draftVersion
                && await drafts.SaveAsync(actorId, lessonId, new DraftEdit(draftVersion, content), ct) is DraftResult.Conflict conflict)
                return conflict; // someone saved since this history was read: nothing is overwritten
            await BringBackFilesAsync(db, lessonId, stored, actor!.Id, ct);
        }
        var result = await drafts.SaveRevisionAsync(actorId, lessonId, new DraftEdit(draftVersion, content), ct);
        if (result is DraftResult.Saved saved)
            log.LogInformation("{ActorId} restored revision {RevisionId} of lesson {LessonId} as revision {NewRevisionId}", actorId, revisionId, lessonId, saved.RevisionId);
        return result;
    }

    private async Task BringBackFilesAsync(LearningDbContext db, int lessonId, StoredRevision stored, string actorId, CancellationToken ct)
    {
        var library = await db.LessonMedia().Where(m => m.LessonId == lessonId).ToDictionaryAsync(m => m.Path, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (path, asset) in stored.Files)
        {
            if (library.TryGetValue(path, out var item))
                (item.MediaAssetId, item.Kind) = (asset.Id, asset.Kind);
            else
                db.LessonMedia().Add(new LessonMedia { LessonId = lessonId, Path = path, MediaAssetId = asset.Id, Kind = asset.Kind, AddedAt = now, AddedBy = actorId });
        }
        await db.SaveChangesAsync(ct);
    }
}
