using System.Text;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// PostgreSQL table <c>lesson_search</c> (migration SearchIndex): folded columns, a stored tsvector built with
/// the <c>simple</c> configuration (the text is already folded: no stemming, no stop words) weighted
/// A title, B tags, C summary, D body, and a GIN index. No extension is needed. A statement trigger moves
/// <c>lesson_search_state.version</c> on every change (migration SearchHeads), for <see cref="SearchHeads"/>.
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

    protected override string HeadsSql => "SELECT lesson_id, topic_id, type, minutes, title, head, exact FROM lesson_search";

    // The GIN index finds the lessons; ts_rank reads each match's document. Negated: lower is better, like bm25.
    protected override string MatchSql => """
        SELECT lesson_id, -ts_rank(document, q)
        FROM lesson_search, to_tsquery('simple', @match) AS q
        WHERE document @@ q
        """;

    protected override string PlainSql(string ids) => $"SELECT lesson_id, plain FROM lesson_search WHERE lesson_id IN ({ids})";

    /// <summary>'a' &amp; 'b' &amp; 'c':* (or joined by |). Folded words hold only letters and digits, so no tsquery syntax gets in.</summary>
    protected override string Match(IndexQuery query)
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
