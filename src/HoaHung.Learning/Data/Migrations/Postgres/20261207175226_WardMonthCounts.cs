using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WardMonthCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WardMonthCounts",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Neighbourhood = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WardMonthCounts", x => new { x.Month, x.Neighbourhood, x.Topic, x.Measure });
                });

            // An existing ward keeps its figures: the month rows are the daily rows added up by ward month, plus an
            // all-topics row for the figures that add up over topics (lessons, quizzes); "active" already has its own
            // all-topics row (the distinct count), which is never the sum of its topic rows (WardStatsWriter's MonthKey).
            migrationBuilder.Sql(
                """
                INSERT INTO "WardMonthCounts" ("Month", "Neighbourhood", "Topic", "Measure", "Count")
                SELECT "Month", "Neighbourhood", "Topic", "Measure", SUM("Count") FROM (
                    SELECT date_trunc('month', "Day")::date AS "Month", "Neighbourhood", "Topic", "Measure", "Count" FROM "WardDailyCounts"
                    UNION ALL
                    SELECT date_trunc('month', "Day")::date, "Neighbourhood", '', "Measure", "Count" FROM "WardDailyCounts"
                    WHERE "Measure" IN ('lessons', 'quizzes') AND "Topic" <> ''
                ) AS d
                GROUP BY "Month", "Neighbourhood", "Topic", "Measure"
                HAVING SUM("Count") <> 0;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WardMonthCounts_Measure_Month",
                table: "WardMonthCounts",
                columns: new[] { "Measure", "Month" });

            // PostgreSQL only, by hand (EF's model has no INCLUDE on both providers): the tables, the trend and the
            // open data read one topic ("" for all) and a few measures over a range of months; this index answers them
            // by an index-only scan of just those entries, not the whole table (bench/results/city.md: a city's
            // 1.9 million month rows, of which the open data's 14 months × 6,888 khu phố read 358,000).
            migrationBuilder.Sql(
                """
                CREATE INDEX "IX_WardMonthCounts_Topic_Measure_Month" ON "WardMonthCounts" ("Topic", "Measure", "Month") INCLUDE ("Neighbourhood", "Count");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WardMonthCounts");
        }
    }
}
