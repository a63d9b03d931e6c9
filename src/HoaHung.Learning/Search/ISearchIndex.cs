using HoaHung.Learning.Catalog;

namespace HoaHung.Learning.Search;

/// <summary>
/// The full-text index of published lessons over folded title, tags, summary and body text: SQLite FTS5 or
/// PostgreSQL full-text search, chosen once at start (<see cref="SearchModule"/>). The database removes a
/// lesson's entry by itself when the lesson is deleted or leaves the Published status (a trigger, or a
/// cascading key); publishing calls <see cref="UpdateAsync"/>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Ranked lesson ids: words in the title first, then words typed with the same diacritics, then text relevance.</summary>
    Task<IndexPage> SearchAsync(IndexQuery query, CancellationToken ct);

    /// <summary>Indexes each lesson's published revision, or removes the lesson when it is not published (or gone); one transaction.</summary>
    Task UpdateAsync(IReadOnlyCollection<int> lessonIds, CancellationToken ct);

    /// <summary>Empties the index and indexes every published lesson again; returns how many.</summary>
    Task<int> RebuildAsync(CancellationToken ct);

    /// <summary>
    /// Rebuilds when the index does not hold exactly the published lessons (first start after the upgrade), and loads
    /// what the index keeps in memory; true when it rebuilt.
    /// </summary>
    Task<bool> EnsureBuiltAsync(CancellationToken ct);
}

/// <param name="MatchAll">Every word must occur (else any word, ranked by how many occur).</param>
public sealed record IndexQuery(SearchTerms Terms, bool MatchAll = true, int? TopicId = null, LessonType? Type = null,
    LessonLength? Length = null, int Skip = 0, int Take = 10);

/// <param name="PlainText">The lesson's body as plain text, as indexed, for the snippet.</param>
public sealed record IndexHit(int LessonId, string PlainText);

public sealed record IndexPage(IReadOnlyList<IndexHit> Hits, int Total)
{
    public static readonly IndexPage Empty = new([], 0);
}

/// <summary>The length filter of the search page: up to 5 minutes, 6 to 15, more than 15.</summary>
public enum LessonLength
{
    Short,
    Medium,
    Long,
}
