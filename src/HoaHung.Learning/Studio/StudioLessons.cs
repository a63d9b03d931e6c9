using HoaHung.Learning.Catalog;
using HoaHung.Learning.Data;
using HoaHung.Learning.Text;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Studio;

public enum StudioScope
{
    /// <summary>Lessons she created.</summary>
    Mine,

    /// <summary>Her team's lessons.</summary>
    Team,

    /// <summary>Every lesson she may edit (every lesson, for reviewers and admins).</summary>
    All,
}

/// <summary>What the studio home asks for: a scope, then filters on the title (folded, so "lua dao" finds "lừa đảo"), topic and state.</summary>
public sealed record StudioQuery(StudioScope Scope = StudioScope.Mine, string? Search = null, string? Topic = null, ReviewState? State = null,
    bool? Published = null)
{
    public const int MaxRows = 200;
}

/// <summary>One lesson in the studio's lists, titled by its working copy when it has one.</summary>
public sealed record StudioLessonRow(int LessonId, string Slug, string Title, string Topic, ReviewState? State, LessonStatus PublicStatus,
    bool HasPendingChange, string? AuthorName, string? Team, DateTime UpdatedAt, bool Mine);

/// <summary>The studio home of one staff member: her lessons by where they stand, and her team's.</summary>
public sealed record StudioHome(string? Team, bool SeesAllLessons, IReadOnlyList<StudioLessonRow> Drafts, IReadOnlyList<StudioLessonRow> InReview,
    IReadOnlyList<StudioLessonRow> SentBack, IReadOnlyList<StudioLessonRow> Published, IReadOnlyList<StudioLessonRow> TeamLessons);

/// <summary>What the editor's selects offer: topics and learning paths, in display order.</summary>
public sealed record EditorChoices(IReadOnlyList<(string Slug, string Title)> Topics, IReadOnlyList<(string Slug, string Title)> Paths);

/// <summary>The lists of the studio home (<c>/soan-bai</c>). A singleton with a context per call; staff only.</summary>
public sealed class StudioLessons(IDbContextFactory<LearningDbContext> contexts, TimeProvider clock)
{
    /// <summary>Her home, or null when she is not active staff.</summary>
    public async Task<StudioHome?> HomeAsync(string actorId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await StudioActor.FindAsync(db, actorId, clock.GetUtcNow(), ct) is not { } actor)
            return null;
        var mine = await RowsAsync(db, actor, new StudioQuery(StudioScope.Mine), ct);
        var team = actor.Team is null ? [] : (await RowsAsync(db, actor, new StudioQuery(StudioScope.Team), ct)).Where(r => !r.Mine).ToList();
        return new StudioHome(actor.Team, actor.CanReview,
            mine.Where(r => r.State is null or ReviewState.Editing && (r.HasPendingChange || r.PublicStatus != LessonStatus.Published)).ToList(),
            mine.Where(r => r.State == ReviewState.InReview).ToList(),
            mine.Where(r => r.State == ReviewState.SentBack).ToList(),
            mine.Where(r => r.PublicStatus == LessonStatus.Published).ToList(),
            team);
    }

    /// <summary>A filtered list, newest change first (at most <see cref="StudioQuery.MaxRows"/>); null when she is not active staff.</summary>
    public async Task<IReadOnlyList<StudioLessonRow>?> ListAsync(string actorId, StudioQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await StudioActor.FindAsync(db, actorId, clock.GetUtcNow(), ct) is { } actor ? await RowsAsync(db, actor, query, ct) : null;
    }

    public async Task<EditorChoices> ChoicesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Order).Select(t => new { t.Slug, t.Title }).ToListAsync(ct);
        var paths = await db.LearningPaths.AsNoTracking().OrderBy(p => p.Order).Select(p => new { p.Slug, p.Title }).ToListAsync(ct);
        return new EditorChoices(topics.Select(t => (t.Slug, t.Title)).ToList(), paths.Select(p => (p.Slug, p.Title)).ToList());
    }

    private static async Task<List<StudioLessonRow>> RowsAsync(LearningDbContext db, StudioActor actor, StudioQuery query, CancellationToken ct)
    {
        var lessons = db.Lessons.AsNoTracking();
        lessons = query.Scope switch
        {
            StudioScope.Mine => lessons.Where(l => l.AuthorId == actor.Id),
            StudioScope.Team when actor.Team is null => lessons.Where(l => false),
            StudioScope.Team => lessons.Where(l => l.Team == actor.Team),
            _ when actor.CanReview => lessons,
            _ when actor.Team is null => lessons.Where(l => l.AuthorId == actor.Id),
            _ => lessons.Where(l => l.AuthorId == actor.Id || l.Team == actor.Team),
        };
        var rows = await (from l in lessons
                          join d in db.LessonDrafts() on l.Id equals d.LessonId into drafts
                          from d in drafts.DefaultIfEmpty()
                          select new
                          {
                              l.Id, l.Slug, l.Title, Topic = l.Topic.Slug, l.Status, l.AuthorId, l.Team, l.UpdatedAt,
                              DraftTitle = d == null ? null : d.Title,
                              DraftTopic = d == null ? null : d.TopicSlug,
                              State = d == null ? (ReviewState?)null : d.State,
                              Pending = d != null && d.Version != d.BaseVersion,
                              DraftUpdated = d == null ? (DateTime?)null : d.UpdatedAt,
                          }).ToListAsync(ct);

        var folded = TextFolding.Fold(query.Search);
        var filtered = rows
            .Select(r => new StudioLessonRow(r.Id, r.Slug, r.DraftTitle ?? r.Title, r.DraftTopic ?? r.Topic, r.State, r.Status, r.Pending,
                r.AuthorId, r.Team, r.DraftUpdated ?? r.UpdatedAt, r.AuthorId == actor.Id))
            .Where(r => folded.Length == 0 || TextFolding.Fold(r.Title).Contains(folded, StringComparison.Ordinal)
                || r.Slug.Contains(folded.Replace(' ', '-'), StringComparison.Ordinal))
            .Where(r => string.IsNullOrEmpty(query.Topic) || r.Topic == query.Topic)
            .Where(r => query.State is null || r.State == query.State)
            .Where(r => query.Published is null || (r.PublicStatus == LessonStatus.Published) == query.Published)
            .OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Slug)
            .Take(StudioQuery.MaxRows)
            .ToList();

        // Author ids to names in one query for the whole list.
        var ids = filtered.Select(r => r.AuthorName).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.UserName ?? "", ct);
        return filtered.Select(r => r with { AuthorName = r.AuthorName is null ? null : names.GetValueOrDefault(r.AuthorName) }).ToList();
    }
}
