using System.Text;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// PostgreSQL table <c>lesson_search</c> (migration SearchIndex): folded columns, a stored tsvector built with
/// the <c>simple</c> configuration (the text is already folded: no stemming, no stop words) weighted
/// A title, B tags, C summary, D body, and a GIN index. No extension is needed.
/// </summary>
internal sealed class PostgresSearchIndex(LearningDbContext db, LessonMarkdown markdown, ILogger<PostgresSearchIndex> logger)
    : SqlSearchIndex(db, markdown, logger)
{
    protected override string DeleteSql => "DELETE FROM lesson_search WHERE lesson_id = @id";
    protected override string ClearSql => "DELETE FROM lesson_search";
    protected override string CountSql => "SELECT count(*) FROM lesson_search";
    protected override string InsertSql => """
        INSERT INTO lesson_search (lesson_id, topic_id, type, minutes, title, tags, summary, head, exact, body, plain)
        VALUES (@id, @topic, @type, @minutes, @paddedTitle, @tags, @summary, @head, @exact, @body, @plain)
        """;

    protected override Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken ct) =>
        WithCommandAsync(async cmd =>
        {
            var (rank, exactScore) = Scores(query, cmd, static (haystack, needle) => $"(strpos({haystack}, {needle}) > 0)::int");
            var filters = Filters(query, cmd, "");
            Add(cmd, "@match", TsQuery(query));
            Add(cmd, "@take", query.Take);
            Add(cmd, "@skip", query.Skip);
            cmd.CommandText = $"""
                SELECT r.id, r.total, s.plain FROM (
                    SELECT lesson_id AS id, {rank} AS score, {exactScore} AS exact_score,
                        ts_rank(document, q) AS relevance, count(*) OVER () AS total
                    FROM lesson_search, to_tsquery('simple', @match) AS q
                    WHERE document @@ q{filters}
                    ORDER BY score DESC, exact_score DESC, relevance DESC, lesson_id
                    LIMIT @take OFFSET @skip
                ) AS r JOIN lesson_search AS s ON s.lesson_id = r.id
                ORDER BY r.score DESC, r.exact_score DESC, r.relevance DESC, r.id
                """;
            var hits = new List<IndexHit>();
            var total = 0;
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new IndexHit(reader.GetInt32(0), reader.GetString(2)));
                total = (int)reader.GetInt64(1);
            }
            return new IndexPage(hits, total);
        }, ct);

    /// <summary>'a' &amp; 'b' &amp; 'c':* (or joined by |). Folded words hold only letters and digits, so no tsquery syntax gets in.</summary>
    private static string TsQuery(IndexQuery query)
    {
        var sb = new StringBuilder();
        var words = query.Terms.Words;
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
                sb.Append(query.MatchAll ? " & " : " | ");
            sb.Append('\'').Append(words[i].Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            if (i == words.Count - 1)
                sb.Append(":*");
        }
        return sb.ToString();
    }
}
