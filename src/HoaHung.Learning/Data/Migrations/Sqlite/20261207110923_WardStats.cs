using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WardStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchMisses",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchMisses", x => new { x.Day, x.Query });
                });

            migrationBuilder.CreateTable(
                name: "WardDailyCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Neighbourhood = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WardDailyCounts", x => new { x.Day, x.Neighbourhood, x.Topic, x.Measure });
                });

            migrationBuilder.CreateTable(
                name: "WardMonthMembers",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Neighbourhood = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Events = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WardMonthMembers", x => new { x.Month, x.Kind, x.Key, x.Topic });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WardDailyCounts_Measure_Day",
                table: "WardDailyCounts",
                columns: new[] { "Measure", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchMisses");

            migrationBuilder.DropTable(
                name: "WardDailyCounts");

            migrationBuilder.DropTable(
                name: "WardMonthMembers");
        }
    }
}
