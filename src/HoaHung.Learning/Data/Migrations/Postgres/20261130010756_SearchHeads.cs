using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A counter every change of lesson_search moves (inserts, deletes, cascades from "Lessons", TRUNCATE), so
            // each instance knows when its in-memory copy of the short columns is stale (Search/SearchHeads.cs).
            // SQLite has had the same table since its SearchIndex migration.
            migrationBuilder.Sql("""
                CREATE TABLE lesson_search_state (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
                INSERT INTO lesson_search_state (id, version) VALUES (1, 0);
                CREATE FUNCTION lesson_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE lesson_search_state SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER lesson_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lesson_search
                    FOR EACH STATEMENT EXECUTE FUNCTION lesson_search_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS lesson_search_changed ON lesson_search;
                DROP FUNCTION IF EXISTS lesson_search_changed();
                DROP TABLE IF EXISTS lesson_search_state;
                """);
        }
    }
}
