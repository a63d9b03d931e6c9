using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropSearchDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Words are matched in memory (Search/TermIndex.cs): nothing reads the tsvector or its GIN index any more,
            // and keeping them cost every import and publish a to_tsvector of the whole lesson and a GIN update
            // (~10 s of a 10,000-lesson import). Dropping the column drops its index.
            migrationBuilder.Sql("ALTER TABLE lesson_search DROP COLUMN IF EXISTS document;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE lesson_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, title), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, tags), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, summary), 'C') ||
                    setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED;
                CREATE INDEX ix_lesson_search_document ON lesson_search USING gin (document);
                """);
        }
    }
}
