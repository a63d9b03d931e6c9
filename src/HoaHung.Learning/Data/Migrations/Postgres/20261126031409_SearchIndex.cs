using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text index of published lessons (Search/PostgresSearchIndex.cs), kept outside the EF model.
            // Columns hold folded text (Text/TextFolding.cs), so the 'simple' configuration is right: no stemming,
            // no stop words, no extension needed. Rows go with their lesson (cascade) or when it is unpublished (trigger).
            migrationBuilder.Sql("""
                CREATE TABLE lesson_search (
                    lesson_id integer PRIMARY KEY REFERENCES "Lessons" ("Id") ON DELETE CASCADE,
                    topic_id integer NOT NULL,
                    type text NOT NULL,
                    minutes integer NOT NULL,
                    title text NOT NULL,
                    tags text NOT NULL,
                    summary text NOT NULL,
                    head text NOT NULL,
                    exact text NOT NULL,
                    body text NOT NULL,
                    plain text NOT NULL,
                    document tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple'::regconfig, title), 'A') ||
                        setweight(to_tsvector('simple'::regconfig, tags), 'B') ||
                        setweight(to_tsvector('simple'::regconfig, summary), 'C') ||
                        setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED
                );
                CREATE INDEX ix_lesson_search_document ON lesson_search USING gin (document);
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION lesson_search_unpublished() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM lesson_search WHERE lesson_id = NEW."Id";
                    RETURN NULL;
                END $$;
                CREATE TRIGGER lesson_search_lesson_unpublished AFTER UPDATE OF "Status" ON "Lessons"
                    FOR EACH ROW WHEN (NEW."Status" <> 'Published') EXECUTE FUNCTION lesson_search_unpublished();
                """);
            // Existing lessons are indexed at the next start (ISearchIndex.EnsureBuiltAsync).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS lesson_search_lesson_unpublished ON "Lessons";
                DROP FUNCTION IF EXISTS lesson_search_unpublished();
                DROP TABLE IF EXISTS lesson_search;
                """);
        }
    }
}
