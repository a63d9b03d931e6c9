using System.Data.Common;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// PostgreSQL table <c>lesson_search</c> (migration SearchIndex): folded columns and plain text. A statement trigger
/// moves <c>lesson_search_state.version</c> on every change (migration SearchHeads), for <see cref="SearchHeads"/>.
/// Queries match words in memory (<see cref="TermIndex"/>, loaded with the heads from the folded columns); the stored
/// tsvector and GIN index the first design searched were dropped (migration DropSearchDocument): nothing read them.
/// </summary>
internal sealed class PostgresSearchIndex(LearningDbContext db, LessonMarkdown markdown, SearchHeads heads, ILogger<PostgresSearchIndex> logger)
    : SqlSearchIndex(db, markdown, heads, logger)
{
    protected override string DeleteSql => "DELETE FROM lesson_search WHERE lesson_id = @id";
    protected override string ClearSql => "DELETE FROM lesson_search";
    protected override string CountSql => "SELECT count(*) FROM lesson_search";
    protected override string InsertSql => """
        INSERT INTO lesson_search (lesson_id, topic_id, type, minutes, title, tags, summary, head, exact, body, plain)
        VALUES (@id, @topic, @type, @minutes, @paddedTitle, @tags, @summary, @head, @exact, @body, @plain)
        """;

    // xmin: the transaction that wrote the row, so it changes whenever UpdateAsync writes a lesson's row again.
    protected override SearchHeads.Sql SnapshotSql { get; } = SearchHeads.Sql.Incremental(
        "SELECT lesson_id, xmin::text::bigint FROM lesson_search",
        static ids => $"""
            SELECT lesson_id, xmin::text::bigint, topic_id, type, minutes, title, head, exact, tags, summary, body
            FROM lesson_search WHERE lesson_id IN ({ids})
            """);

    protected override string PlainSql(string ids) => $"SELECT lesson_id, plain FROM lesson_search WHERE lesson_id IN ({ids})";

    /// <summary>
    /// In memory (<see cref="TermIndex"/>): the GIN index found broad words' lessons quickly, but checking and ranking
    /// them read every matching row and its tsvector (18–68 ms for a word most lessons hold, on 10,000 lessons).
    /// </summary>
    protected override Task<List<(int Id, double Relevance)>> MatchAsync(DbCommand cmd, IndexQuery query, SearchHeads.Snapshot snapshot,
        CancellationToken ct) =>
        Task.FromResult(snapshot.Terms!.Match(query.Terms.Words, query.MatchAll));
}
