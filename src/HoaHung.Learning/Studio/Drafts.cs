using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Studio;

/// <summary>
/// Lessons' working copies: open, create, autosave with optimistic concurrency, and (Drafts.Revisions.cs) the explicit
/// "Lưu nháp" and "Gửi duyệt" that snapshot a working copy into an immutable revision. A singleton that takes a
/// context per operation, so an Interactive Server editor can hold it; every call re-reads who is acting from the
/// database and checks that she may edit the lesson. Nothing here changes what residents see.
/// </summary>
public sealed partial class Drafts(
    IDbContextFactory<LearningDbContext> contexts,
    LessonMarkdown markdown,
    TimeProvider clock,
    ILogger<Drafts> log)
{
    /// <summary>Opens a lesson's working copy, making it from the lesson's newest revision the first time.</summary>
    public async Task<OpenResult> OpenAsync(string actorId, string slug, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lessonId = await db.Lessons.AsNoTracking().Where(l => l.Slug == slug).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (lessonId is null)
            return await StudioActor.FindAsync(db, actorId, clock.GetUtcNow(), ct) is null
                ? new OpenResult.Refused(StudioReasons.NotAllowed)
                : new OpenResult.Refused(StudioReasons.NotFound);
        var (actor, refusal) = await GuardAsync(db, actorId, lessonId.Value, ct);
        if (refusal is not null)
            return new OpenResult.Refused(refusal);
        if (!await db.LessonDrafts().AnyAsync(d => d.LessonId == lessonId, ct))
            await StartFromNewestRevisionAsync(db, lessonId.Value, actor!, ct);
        return new OpenResult.Opened(await ViewAsync(db, lessonId.Value, ct));
    }

    /// <summary>Begins a new lesson owned by the author and her team: invisible to residents until it is published.</summary>
    public async Task<OpenResult> CreateAsync(string actorId, LessonContent content, CancellationToken ct)
    {
        var (clean, refusal) = content.Clean();
        if (clean is null)
            return new OpenResult.Refused(refusal!);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        if (await StudioActor.FindAsync(db, actorId, now, ct) is not { } actor)
            return new OpenResult.Refused(StudioReasons.NotAllowed);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Order).Select(t => new { t.Id, t.Slug }).ToListAsync(ct);
        if (topics.Count == 0)
            return new OpenResult.Refused(StudioReasons.NotFound);
        // The lesson row needs a topic; until the author picks one, the first holds the place (nothing is public yet).
        var topicId = (topics.FirstOrDefault(t => t.Slug == clean.Topic) ?? topics[0]).Id;
        var stem = LessonSlugs.FromTitle(clean.Title);
        var taken = (await db.Lessons.AsNoTracking().Where(l => l.Slug.StartsWith(stem)).Select(l => l.Slug).ToListAsync(ct)).ToHashSet();

        foreach (var slug in LessonSlugs.Candidates(stem).Where(s => !taken.Contains(s)).Take(3))
        {
            var lesson = new Lesson
            {
                Slug = slug, TopicId = topicId, Status = LessonStatus.Draft, AuthorId = actor.Id, Team = actor.Team,
                CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime,
            };
            var draft = new LessonDraft { Lesson = lesson, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, UpdatedBy = actor.Id, BaseVersion = 0 };
            draft.Apply(clean);
            db.LessonDrafts().Add(draft);
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("{ActorId} began lesson {Slug} (team {Team})", actor.Id, slug, actor.Team ?? "(none)");
                return new OpenResult.Opened(await ViewAsync(db, lesson.Id, ct));
            }
            catch (DbUpdateException) when (!ct.IsCancellationRequested)
            {
                // Someone took the slug in the meantime: try the next one.
                db.ChangeTracker.Clear();
            }
        }
        return new OpenResult.Refused(StudioReasons.NotFound);
    }

    /// <summary>
    /// Autosave: stores the working copy if the version it was based on is still the stored one (or a newer one this
    /// same editor saved, see <see cref="DraftEdit"/>). An older save never overwrites newer text: it gets
    /// <see cref="DraftResult.Conflict"/> with both versions. Saving what is already stored succeeds without writing.
    /// </summary>
    public async Task<DraftResult> SaveAsync(string actorId, int lessonId, DraftEdit edit, CancellationToken ct)
    {
        var (clean, refusal) = edit.Content.Clean();
        if (clean is null)
            return new DraftResult.Refused(refusal!);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (actor, denied) = await GuardAsync(db, actorId, lessonId, ct);
        if (denied is not null)
            return new DraftResult.Refused(denied);
        var draft = await db.LessonDrafts().FirstOrDefaultAsync(d => d.LessonId == lessonId, ct);
        if (draft is null)
            return new DraftResult.Refused(StudioReasons.NotFound);
        return await WriteAsync(db, draft, actor!, edit, clean, ct) ?? new DraftResult.Saved(draft.Version, draft.UpdatedAt, null);
    }

    /// <summary>
    /// Writes <paramref name="clean"/> into the tracked <paramref name="draft"/> (a new version) unless it is already
    /// stored; null when written or unchanged, a conflict when someone else saved since the edit's version.
    /// </summary>
    private async Task<DraftResult?> WriteAsync(LearningDbContext db, LessonDraft draft, StudioActor actor, DraftEdit edit,
        LessonContent clean, CancellationToken ct)
    {
        if (draft.ToContent().SameAs(clean))
            return null;
        if (!edit.Follows(draft, actor.Id))
            return await ConflictAsync(db, draft.LessonId, clean, ct);
        draft.Apply(clean);
        Touch(draft, actor, edit.Session is { Length: > 0 and <= DraftEdit.MaxSessionLength } session ? session : null);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, draft.LessonId, clean, ct);
        }
    }

    private void Touch(LessonDraft draft, StudioActor actor, string? session)
    {
        draft.Version++;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedBy = actor.Id;
        draft.UpdatedSession = session;
    }

    private async Task<DraftResult.Conflict> ConflictAsync(LearningDbContext db, int lessonId, LessonContent yours, CancellationToken ct)
    {
        var stored = await db.LessonDrafts().AsNoTracking().FirstAsync(d => d.LessonId == lessonId, ct);
        var by = await NameOfAsync(db, stored.UpdatedBy, ct);
        log.LogInformation("Draft of lesson {LessonId}: a save based on an older version was refused (stored version {Version})", lessonId, stored.Version);
        return new DraftResult.Conflict(new DraftSnapshot(stored.Version, stored.ToContent(), stored.UpdatedAt, by), yours);
    }

    private Task<(StudioActor? Actor, string? Refusal)> GuardAsync(LearningDbContext db, string actorId, int lessonId, CancellationToken ct) =>
        StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);

    private static async Task<string?> NameOfAsync(LearningDbContext db, string? userId, CancellationToken ct) =>
        userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefaultAsync(ct);

    private static async Task<DraftView> ViewAsync(LearningDbContext db, int lessonId, CancellationToken ct)
    {
        var row = await db.LessonDrafts().AsNoTracking().Where(d => d.LessonId == lessonId)
            .Select(d => new { Draft = d, d.Lesson.Slug, d.Lesson.Status }).FirstAsync(ct);
        var d = row.Draft;
        return new DraftView(lessonId, row.Slug, d.Version, d.ToContent(), d.State, row.Status, d.HasPendingChange,
            d.SubmittedRevisionId, d.UpdatedAt, await NameOfAsync(db, d.UpdatedBy, ct), d.UpdatedSession);
    }
}
