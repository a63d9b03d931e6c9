using HoaHung.Learning.Data;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio.Review;

public sealed partial class Reviews
{
    /// <summary>
    /// A reviewer's comment on lines <paramref name="line"/>..<paramref name="endLine"/> (1-based) of the revision's body,
    /// or on the whole lesson when <paramref name="line"/> is null. The lines' text is kept with it, so it resolves
    /// itself once the author changes them.
    /// </summary>
    public async Task<ReviewResult> CommentAsync(string actorId, int lessonId, int revisionId, int? line, int? endLine, string text, CancellationToken ct)
    {
        var clean = TextCleaning.Clean(text ?? "").Trim();
        if (clean.Length == 0)
            return ReviewResult.Refuse(ReviewReasons.CommentRequired);
        if (clean.Length > ReviewComment.MaxTextLength)
            clean = clean[..ReviewComment.MaxTextLength];
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await ReviewerAsync(db, actorId, ct) is not { } actor)
            return ReviewResult.Refuse(ReviewReasons.ReviewersOnly);
        var body = await db.LessonRevisions.AsNoTracking().Where(r => r.Id == revisionId && r.LessonId == lessonId).Select(r => r.Body).FirstOrDefaultAsync(ct);
        if (body is null)
            return ReviewResult.Refuse(ReviewReasons.RevisionNotFound);
        var quote = "";
        if (line is { } first)
        {
            var lines = body.Split('\n');
            var last = Math.Max(endLine ?? first, first);
            if (first < 1 || last > lines.Length)
                return ReviewResult.Refuse(ReviewReasons.LineOutOfRange);
            quote = string.Join('\n', lines[(first - 1)..last]);
            if (quote.Length > ReviewComment.MaxQuoteLength)
                quote = quote[..ReviewComment.MaxQuoteLength];
            endLine = last;
        }
        else
        {
            endLine = null;
        }
        db.ReviewComments().Add(new ReviewComment
        {
            LessonId = lessonId, RevisionId = revisionId, Line = line, EndLine = endLine, Quote = quote, Text = clean, AuthorId = actor.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return ReviewResult.Ok;
    }

    /// <summary>Marks a comment resolved by hand (reviewers, admins, and whoever may edit the lesson).</summary>
    public async Task<ReviewResult> ResolveAsync(string actorId, int commentId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lessonId = await db.ReviewComments().AsNoTracking().Where(c => c.Id == commentId).Select(c => (int?)c.LessonId).FirstOrDefaultAsync(ct);
        if (lessonId is null)
            return ReviewResult.Refuse(StudioReasons.NotFound);
        var (_, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId.Value, clock.GetUtcNow(), log, ct);
        if (refusal is not null)
            return ReviewResult.Refuse(refusal);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ReviewComments().Where(c => c.Id == commentId && c.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ResolvedAt, now), ct);
        return ReviewResult.Ok;
    }

    /// <summary>What the author sees in the editor: why the lesson was sent back and the comments on it, resolved against her working copy.</summary>
    public async Task<ReviewNotes?> NotesAsync(string actorId, int lessonId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, refusal) = await StudioActor.ForLessonAsync(db, actorId, lessonId, clock.GetUtcNow(), log, ct);
        if (refusal is not null)
            return null;
        var draft = await db.LessonDrafts().AsNoTracking().Where(d => d.LessonId == lessonId).Select(d => new { d.State, d.Body }).FirstOrDefaultAsync(ct);
        if (draft is null)
            return null;
        var review = await db.LessonReviews().AsNoTracking().FirstOrDefaultAsync(r => r.LessonId == lessonId, ct);
        var names = await NamesAsync(db, [review?.SentBackBy], ct);
        return new ReviewNotes(draft.State, review?.SentBackReason, Name(names, review?.SentBackBy), review?.SentBackAt,
            await CommentsAsync(db, lessonId, draft.Body, ct), review?.ScheduledFor);
    }

    /// <summary>The lesson's comments, newest revision first then by line; resolved when marked, or when <paramref name="body"/> no longer holds the quoted lines.</summary>
    private static async Task<IReadOnlyList<CommentView>> CommentsAsync(LearningDbContext db, int lessonId, string body, CancellationToken ct)
    {
        var rows = await (from c in db.ReviewComments().AsNoTracking()
                          where c.LessonId == lessonId
                          join r in db.LessonRevisions.AsNoTracking() on c.RevisionId equals r.Id
                          select new { Comment = c, r.Number }).ToListAsync(ct);
        var names = await NamesAsync(db, rows.Select(r => r.Comment.AuthorId), ct);
        var lines = body.Split('\n');
        return rows
            .OrderByDescending(r => r.Number).ThenBy(r => r.Comment.Line ?? 0).ThenBy(r => r.Comment.CreatedAt)
            .Select(r => r.Comment is var c
                ? new CommentView(c.Id, c.RevisionId, r.Number, c.Line, c.EndLine, c.Quote, c.Text, Name(names, c.AuthorId) ?? "", c.CreatedAt,
                    c.ResolvedAt is not null || (c.Line is not null && !Holds(lines, c.Quote)))
                : null!)
            .ToList();
    }

    /// <summary>True when the lines of <paramref name="quote"/> still stand, one after another, somewhere in the body.</summary>
    internal static bool Holds(string[] lines, string quote)
    {
        var wanted = quote.Split('\n');
        for (var i = 0; i + wanted.Length <= lines.Length; i++)
            if (wanted.Select((w, k) => lines[i + k] == w).All(x => x))
                return true;
        return false;
    }
}
