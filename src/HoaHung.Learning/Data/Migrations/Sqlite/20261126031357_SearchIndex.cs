using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index of published lessons (Search/SqliteSearchIndex.cs), kept outside the EF model, in three
            // tables keyed by lesson id: a contentless FTS5 index over folded text (prefix indexes serve suggestions
            // while typing), a narrow table of what ranking and filters read, and the plain text for snippets.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE lesson_search USING fts5(
                    title, tags, summary, body,
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TABLE lesson_search_docs (
                    id INTEGER PRIMARY KEY,
                    topic_id INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    minutes INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    head TEXT NOT NULL,
                    exact TEXT NOT NULL);
                """);
            migrationBuilder.Sql("CREATE TABLE lesson_search_text (id INTEGER PRIMARY KEY, plain TEXT NOT NULL);");
            // A counter every change of lesson_search_docs moves, so each process knows when its in-memory copy is stale.
            migrationBuilder.Sql("""
                CREATE TABLE lesson_search_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
                INSERT INTO lesson_search_state (id, version) VALUES (1, 0);
                CREATE TRIGGER lesson_search_docs_inserted AFTER INSERT ON lesson_search_docs
                BEGIN UPDATE lesson_search_state SET version = version + 1; END;
                CREATE TRIGGER lesson_search_docs_deleted AFTER DELETE ON lesson_search_docs
                BEGIN UPDATE lesson_search_state SET version = version + 1; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_deleted AFTER DELETE ON "Lessons"
                BEGIN
                    DELETE FROM lesson_search WHERE rowid = old."Id";
                    DELETE FROM lesson_search_docs WHERE id = old."Id";
                    DELETE FROM lesson_search_text WHERE id = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_unpublished AFTER UPDATE OF "Status" ON "Lessons"
                WHEN new."Status" <> 'Published'
                BEGIN
                    DELETE FROM lesson_search WHERE rowid = new."Id";
                    DELETE FROM lesson_search_docs WHERE id = new."Id";
                    DELETE FROM lesson_search_text WHERE id = new."Id";
                END;
                """);
            // Existing lessons are indexed at the next start (ISearchIndex.EnsureBuiltAsync).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS lesson_search_lesson_unpublished;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS lesson_search_lesson_deleted;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS lesson_search_state;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS lesson_search_text;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS lesson_search_docs;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS lesson_search;");
        }
    }
}
