using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Sqlite
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
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Neighbourhood = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
                    SELECT date("Day", 'start of month') AS "Month", "Neighbourhood", "Topic", "Measure", "Count" FROM "WardDailyCounts"
                    UNION ALL
                    SELECT date("Day", 'start of month'), "Neighbourhood", '', "Measure", "Count" FROM "WardDailyCounts"
                    WHERE "Measure" IN ('lessons', 'quizzes') AND "Topic" <> ''
                ) AS d
                GROUP BY "Month", "Neighbourhood", "Topic", "Measure"
                HAVING SUM("Count") <> 0;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WardMonthCounts_Measure_Month",
                table: "WardMonthCounts",
                columns: new[] { "Measure", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WardMonthCounts");
        }
    }
}
