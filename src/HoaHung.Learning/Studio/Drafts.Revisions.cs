using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Media;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio.Checks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio;

public sealed partial class Drafts
{
    /// <summary>
    /// "Lưu nháp": saves the working copy and snapshots it as an immutable revision (Source = Author). Nothing new is
    /// made when the newest revision already holds exactly this. A quiz with problems cannot be snapshotted (a revision
    /// holds a checked quiz): the text is still saved, and the problems come back as <see cref="DraftResult.Invalid"/>.
    /// </summary>
    public Task<DraftResult> SaveRevisionAsync(string actorId, int lessonId, DraftEdit edit, CancellationToken ct) =>
        SnapshotAsync(actorId, lessonId, edit, submit: false, ct);

    /// <summary>
    /// "Gửi duyệt": saves, checks, snapshots and puts the change in review. The public page is not touched: a published
    /// lesson keeps serving its published revision, a lesson never published stays invisible. Blocking issues (checks
    /// for older readers, missing fields) leave the text saved and the lesson where it was.
    /// </summary>
    public Task<DraftResult> SubmitAsync(string actorId, int lessonId, DraftEdit edit, CancellationToken ct) =>
        SnapshotAsync(actorId, lessonId, edit, submit: true, ct);

    private async Task<DraftResult> SnapshotAsync(string actorId, int lessonId, DraftEdit edit, bool submit, CancellationToken ct)
    {
        var (clean, refusal) = edit.Content.Clean();
        if (clean is null)
            return new DraftResult.Refused(refusal!);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, denied) = await GuardAsync(db, actorId, lessonId, ct);
        if (denied is not null)
            return new DraftResult.Refused(denied);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var draft = await db.LessonDrafts().FirstOrDefaultAsync(d => d.LessonId == lessonId, ct);
        if (draft is null)
            return new DraftResult.Refused(StudioReasons.NotFound);
        if (await WriteAsync(db, draft, actor!, edit, clean, ct) is { } conflict)
            return conflict;

        var library = await db.LessonMedia().AsNoTracking().Where(m => m.LessonId == lessonId)
            .ToDictionaryAsync(m => m.Path, m => (m.MediaAssetId, m.Kind), StringComparer.Ordinal, ct);
        var kinds = library.ToDictionary(l => l.Key, l => l.Value.Kind, StringComparer.Ordinal);
        var issues = new List<LessonIssue>();
        QuizDefinition? quiz = null;
        if (clean.Quiz is not null)
        {
            var check = QuizBuilder.Check(clean.Quiz, clean.Title, kinds);
            quiz = check.Quiz;
            if (!submit) issues.AddRange(QuizBuilder.Issues(check));
        }
        if (submit)
        {
            var topics = (await db.Topics.AsNoTracking().Select(t => t.Slug).ToListAsync(ct)).ToHashSet();
            var paths = (await db.LearningPaths.AsNoTracking().Select(p => p.Slug).ToListAsync(ct)).ToHashSet();
            issues.AddRange(ReadingChecks.Run(clean, kinds).Concat(SubmitRules.Check(clean, topics, paths, kinds)).Where(i => i.Blocks));
        }
        if (issues.Count > 0)
        {
            await transaction.CommitAsync(ct); // the text is saved either way
            return new DraftResult.Invalid(draft.Version, draft.UpdatedAt, issues);
        }

        var media = ReferencedMedia(clean, library);
        var revisionId = await ReuseNewestRevisionAsync(db, draft, media, ct);
        if (revisionId is null)
        {
            var revision = NewRevision(draft, clean, quiz, library, media, actor!);
            revision.Number = await db.LessonRevisions.Where(r => r.LessonId == lessonId).MaxAsync(r => (int?)r.Number, ct) ?? 0;
            revision.Number++;
            db.LessonRevisions.Add(revision);
            await db.SaveChangesAsync(ct);
            revisionId = revision.Id;
        }
        var unchanged = draft.LastRevisionId == revisionId
            && (!submit || (draft.State == ReviewState.InReview && draft.SubmittedRevisionId == revisionId));
        if (unchanged)
        {
            await transaction.CommitAsync(ct);
            return new DraftResult.Saved(draft.Version, draft.UpdatedAt, revisionId);
        }
        // Every snapshot moves the version on, so two snapshots at once cannot both pass the concurrency check.
        Touch(draft, actor!, draft.UpdatedSession);
        (draft.LastRevisionId, draft.LastRevisionVersion) = (revisionId, draft.Version);
        if (submit)
            (draft.State, draft.SubmittedRevisionId, draft.SubmittedAt, draft.SubmittedBy) = (ReviewState.InReview, revisionId, draft.UpdatedAt, actor!.Id);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, lessonId, clean, ct);
        }
        log.LogInformation("{ActorId} {Action} lesson {LessonId}: revision {RevisionId}, version {Version}",
            actor!.Id, submit ? "sent for review" : "saved a revision of", lessonId, revisionId, draft.Version);
        return new DraftResult.Saved(draft.Version, draft.UpdatedAt, revisionId);
    }

    /// <summary>The newest revision when it already holds this version of the working copy with the same files.</summary>
    private static async Task<int?> ReuseNewestRevisionAsync(LearningDbContext db, LessonDraft draft, Dictionary<string, Guid> media, CancellationToken ct)
    {
        if (draft.LastRevisionId is not { } last || draft.LastRevisionVersion != draft.Version)
            return null;
        var stored = await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == last).ToDictionaryAsync(m => m.Path, m => m.MediaAssetId, ct);
        return stored.Count == media.Count && media.All(m => stored.GetValueOrDefault(m.Key) == m.Value) ? last : null;
    }

    /// <summary>The library files the content uses (body, captions of body videos, video, poster, cover, quiz pictures).</summary>
    private Dictionary<string, Guid> ReferencedMedia(LessonContent content, Dictionary<string, (Guid Id, MediaKind Kind)> library)
    {
        var paths = new List<string>();
        foreach (var path in markdown.LocalReferences(content.Body))
        {
            paths.Add(path);
            if (library.GetValueOrDefault(path).Kind == MediaKind.Video && library.ContainsKey(path))
                paths.Add(LessonMarkdown.CaptionsPathFor(path));
        }
        paths.AddRange(content.MetadataPaths());
        return paths.Where(library.ContainsKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => library[p].Id, StringComparer.Ordinal);
    }

    private LessonRevision NewRevision(LessonDraft draft, LessonContent c, QuizDefinition? quiz,
        Dictionary<string, (Guid Id, MediaKind Kind)> library, Dictionary<string, Guid> media, StudioActor actor)
    {
        var revision = new LessonRevision
        {
            LessonId = draft.LessonId,
            Source = RevisionSource.Author,
            Order = draft.Order,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Id,
            Media = media.Select(m => new RevisionMedia { Path = m.Key, MediaAssetId = m.Value }).ToList(),
        };
        revision.Apply(c, quiz, library);
        return revision;
    }

    /// <summary>
    /// The first time a lesson is opened in the studio, its working copy starts as its newest revision, and the files
    /// that revision uses become the lesson's library (each picture described by the first description the body gives it).
    /// </summary>
    private async Task StartFromNewestRevisionAsync(LearningDbContext db, int lessonId, StudioActor actor, CancellationToken ct)
    {
        var revision = await db.LessonRevisions.AsNoTracking().Where(r => r.LessonId == lessonId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var files = revision is null ? [] : await db.RevisionMedia.AsNoTracking().Where(m => m.RevisionId == revision.Id)
            .Join(db.MediaAssets.AsNoTracking(), m => m.MediaAssetId, a => a.Id, (m, a) => new { m.Path, a.Id, a.Kind })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new LessonDraft
        {
            LessonId = lessonId, CreatedAt = now, UpdatedAt = now, UpdatedBy = actor.Id,
            BaseRevisionId = revision?.Id, BaseVersion = revision is null ? 0 : 1, Order = revision?.Order ?? 100,
        };
        if (revision is not null)
        {
            draft.Apply(revision.ToContent(files.ToDictionary(f => f.Path, f => f.Id, StringComparer.Ordinal)) with
            {
                // The paths it is the entry test of today, so publishing the copy again keeps them (LessonPublisher).
                EntryTestFor = await db.LearningPaths.AsNoTracking().Where(p => p.EntryTestId == lessonId).Select(p => p.Slug).ToListAsync(ct),
            });
            (draft.LastRevisionId, draft.LastRevisionVersion) = (revision.Id, 1);
        }
        var descriptions = markdown.ImageDescriptions(draft.Body);
        db.LessonDrafts().Add(draft);
        foreach (var file in files)
            db.LessonMedia().Add(new LessonMedia
            {
                LessonId = lessonId, Path = file.Path, MediaAssetId = file.Id, Kind = file.Kind, AddedAt = now, AddedBy = actor.Id,
                Description = descriptions.GetValueOrDefault(file.Path, "") is { Length: <= LessonMedia.MaxDescriptionLength } d ? d : "",
            });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear(); // opened by someone else at the same moment: theirs is the working copy
        }
    }
}
