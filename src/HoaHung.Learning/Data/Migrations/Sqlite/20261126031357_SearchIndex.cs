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
            // Full-text index of published lessons (Search/SqliteSearchIndex.cs), kept outside the EF model.
            // Indexed columns hold folded text (Search/TextFolding.cs); prefix indexes serve suggestions while typing.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE lesson_search USING fts5(
                    title, tags, summary,
                    exact UNINDEXED, topic_id UNINDEXED, type UNINDEXED, minutes UNINDEXED,
                    body, plain UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_deleted AFTER DELETE ON "Lessons"
                BEGIN DELETE FROM lesson_search WHERE rowid = old."Id"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS lesson_search_lesson_unpublished AFTER UPDATE OF "Status" ON "Lessons"
                WHEN new."Status" <> 'Published'
                BEGIN DELETE FROM lesson_search WHERE rowid = new."Id"; END;
                """);
            // Existing lessons are indexed at the next start (ISearchIndex.EnsureBuiltAsync).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS lesson_search_lesson_unpublished;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS lesson_search_lesson_deleted;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS lesson_search;");
        }
    }
}
