using System.Data.Common;
using System.Text;
using HoaHung.Learning.Data;
using HoaHung.Learning.Markdown;
using Microsoft.Extensions.Logging;

namespace HoaHung.Learning.Search;

/// <summary>
/// SQLite, three tables keyed by lesson id (migration SearchIndex): <c>lesson_search</c>, a contentless FTS5 index
/// over folded title, tags, summary and body (bm25 weights 10, 5, 3, 1); <c>lesson_search_docs</c>, the few short
/// columns ranking and filters read for every match (held in memory, see <see cref="SearchHeads"/>);
/// <c>lesson_search_text</c>, the plain text read only for the snippets of the page shown.
/// </summary>
internal sealed class SqliteSearchIndex(LearningDbContext db, LessonMarkdown markdown, SearchHeads heads, ILogger<SqliteSearchIndex> logger)
    : SqlSearchIndex(db, markdown, heads, logger)
{
    // Also in the migration. A migration that rebuilds the Lessons table (SQLite's way to alter a column) drops
    // its triggers, so they are re-created at every start.
    internal const string Triggers = """
        CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_deleted AFTER DELETE ON "Lessons"
        BEGIN
            DELETE FROM lesson_search WHERE rowid = old."Id";
            DELETE FROM lesson_search_docs WHERE id = old."Id";
            DELETE FROM lesson_search_text WHERE id = old."Id";
        END;
        CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_unpublished AFTER UPDATE OF "Status" ON "Lessons"
        WHEN new."Status" <> 'Published'
        BEGIN
            DELETE FROM lesson_search WHERE rowid = new."Id";
            DELETE FROM lesson_search_docs WHERE id = new."Id";
            DELETE FROM lesson_search_text WHERE id = new."Id";
        END;
        """;

    protected override string DeleteSql => """
        DELETE FROM lesson_search WHERE rowid = @id;
        DELETE FROM lesson_search_docs WHERE id = @id;
        DELETE FROM lesson_search_text WHERE id = @id;
        """;
    // 'delete-all', not DELETE: a contentless table never takes deleted rows out of the row count and average length
    // bm25 reads (its count grows by one at every delete and insert of a lesson), so only this resets them.
    protected override string ClearSql => """
        INSERT INTO lesson_search (lesson_search) VALUES ('delete-all');
        DELETE FROM lesson_search_docs; DELETE FROM lesson_search_text;
        """;
    protected override string CountSql => "SELECT count(*) FROM lesson_search_docs";
    protected override string InsertSql => """
        INSERT INTO lesson_search (rowid, title, tags, summary, body) VALUES (@id, @title, @tags, @summary, @body);
        INSERT INTO lesson_search_docs (id, topic_id, type, minutes, title, head, exact) VALUES (@id, @topic, @type, @minutes, @paddedTitle, @head, @exact);
        INSERT INTO lesson_search_text (id, plain) VALUES (@id, @plain);
        """;

    protected override Task PrepareAsync(CancellationToken ct) => ExecuteAsync(Triggers, ct);

    protected override SearchHeads.Sql SnapshotSql { get; } =
        SearchHeads.Sql.Full("SELECT id, topic_id, type, minutes, title, head, exact FROM lesson_search_docs");
    private const string MatchSql = "SELECT rowid, bm25(lesson_search, 10.0, 5.0, 3.0, 1.0) FROM lesson_search WHERE lesson_search MATCH @match";
    protected override string PlainSql(string ids) => $"SELECT id, plain FROM lesson_search_text WHERE id IN ({ids})";

    /// <summary>FTS5 matches, bm25 ranks (weights as <see cref="TermIndex"/>'s).</summary>
    protected override async Task<List<(int Id, double Relevance)>> MatchAsync(DbCommand cmd, IndexQuery query, SearchHeads.Snapshot snapshot,
        CancellationToken ct)
    {
        var found = new List<(int Id, double Relevance)>();
        cmd.Parameters.Clear();
        cmd.CommandText = MatchSql;
        Add(cmd, "@match", Match(query));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add((reader.GetInt32(0), reader.GetDouble(1)));
        return found;
    }

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
