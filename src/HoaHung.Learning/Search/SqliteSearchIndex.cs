using System.Text;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// SQLite FTS5 table <c>lesson_search</c> (migration SearchIndex), rowid = lesson id. Indexed columns hold
/// folded text; the short unindexed columns come before the body so filters and title checks never read it.
/// bm25 weights: title 10, tags 5, summary 3, body 1.
/// </summary>
internal sealed class SqliteSearchIndex(LearningDbContext db, LessonMarkdown markdown, ILogger<SqliteSearchIndex> logger)
    : SqlSearchIndex(db, markdown, logger)
{
    // Also in the migration. A migration that rebuilds the Lessons table (SQLite's way to alter a column) drops
    // its triggers, so they are re-created at every start.
    internal const string Triggers = """
        CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_deleted AFTER DELETE ON "Lessons"
        BEGIN DELETE FROM lesson_search WHERE rowid = old."Id"; END;
        CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_unpublished AFTER UPDATE OF "Status" ON "Lessons"
        WHEN new."Status" <> 'Published'
        BEGIN DELETE FROM lesson_search WHERE rowid = new."Id"; END;
        """;

    protected override string DeleteSql => "DELETE FROM lesson_search WHERE rowid = @id";
    protected override string ClearSql => "DELETE FROM lesson_search";
    protected override string CountSql => "SELECT count(*) FROM lesson_search";
    protected override string InsertSql => """
        INSERT INTO lesson_search (rowid, title, tags, summary, exact, topic_id, type, minutes, body, plain)
        VALUES (@id, @title, @tags, @summary, @exact, @topic, @type, @minutes, @body, @plain)
        """;

    protected override Task PrepareAsync(CancellationToken ct) => ExecuteAsync(Triggers, ct);

    protected override Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken ct) =>
        WithCommandAsync(async cmd =>
        {
            var (rank, exactScore) = Scores(query, cmd, static (haystack, needle) => $"(instr({haystack}, {needle}) > 0)", "max");
            var filters = Filters(query, cmd);
            Add(cmd, "@match", Match(query));
            Add(cmd, "@take", query.Take);
            Add(cmd, "@skip", query.Skip);
            // Scores in a materialized CTE (bm25 cannot be called where a window function is), then the page
            // with the total, then the plain text of the page's rows only: the body is never read for ranking.
            cmd.CommandText = $"""
                WITH m AS MATERIALIZED (
                    SELECT rowid AS id, {rank} AS score, {exactScore} AS exact_score,
                        bm25(lesson_search, 10.0, 5.0, 3.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0) AS relevance
                    FROM lesson_search
                    WHERE lesson_search MATCH @match{filters}
                ), r AS (
                    SELECT id, score, exact_score, relevance, count(*) OVER () AS total FROM m
                    ORDER BY score DESC, exact_score DESC, relevance, id
                    LIMIT @take OFFSET @skip
                )
                SELECT r.id, r.total, s.plain FROM r JOIN lesson_search AS s ON s.rowid = r.id
                ORDER BY r.score DESC, r.exact_score DESC, r.relevance, r.id
                """;
            var hits = new List<IndexHit>();
            var total = 0;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new IndexHit(reader.GetInt32(0), reader.GetString(2)));
                total = reader.GetInt32(1);
            }
            return new IndexPage(hits, total);
        }, ct);

    /// <summary>
    /// An FTS5 query of quoted words ("a" "b" "c"* — all words; or joined by OR). Words are folded, so only letters
    /// and digits: nothing a person types can become FTS5 syntax.
    /// </summary>
    private static string Match(IndexQuery query)
    {
        var sb = new StringBuilder();
        var words = query.Terms.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
                sb.Append(query.MatchAll ? " " : " OR ");
            sb.Append('"').Append(words[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            if (i == words.Count - 1)
                sb.Append('*');
        }
        return sb.ToString();
    }
}
