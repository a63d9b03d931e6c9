using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EntryTestGains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EntryTestFor",
                table: "LessonDrafts",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "EntryTestId",
                table: "LearningPaths",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PathGains",
                columns: table => new
                {
                    PathId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    BeforePercent = table.Column<int>(type: "integer", nullable: false),
                    BeforeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BeforeAttemptId = table.Column<Guid>(type: "uuid", nullable: false),
                    AfterPercent = table.Column<int>(type: "integer", nullable: true),
                    AfterAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AfterAttemptId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathGains", x => new { x.PathId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PathGains_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PathGains_LearningPaths_PathId",
                        column: x => x.PathId,
                        principalTable: "LearningPaths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningPaths_EntryTestId",
                table: "LearningPaths",
                column: "EntryTestId");

            migrationBuilder.CreateIndex(
                name: "IX_PathGains_UserId",
                table: "PathGains",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_LearningPaths_Lessons_EntryTestId",
                table: "LearningPaths",
                column: "EntryTestId",
                principalTable: "Lessons",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LearningPaths_Lessons_EntryTestId",
                table: "LearningPaths");

            migrationBuilder.DropTable(
                name: "PathGains");

            migrationBuilder.DropIndex(
                name: "IX_LearningPaths_EntryTestId",
                table: "LearningPaths");

            migrationBuilder.DropColumn(
                name: "EntryTestFor",
                table: "LessonDrafts");

            migrationBuilder.DropColumn(
                name: "EntryTestId",
                table: "LearningPaths");
        }
    }
}
