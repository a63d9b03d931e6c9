using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LessonReviews",
                columns: table => new
                {
                    LessonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SentBackReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentBackAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentBackBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ScheduledFor = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScheduledRevisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScheduledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonReviews", x => x.LessonId);
                    table.ForeignKey(
                        name: "FK_LessonReviews_LessonRevisions_ReviewedRevisionId",
                        column: x => x.ReviewedRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LessonReviews_LessonRevisions_ScheduledRevisionId",
                        column: x => x.ScheduledRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LessonReviews_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LessonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: true),
                    EndLine = table.Column<int>(type: "INTEGER", nullable: true),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewComments_LessonRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewComments_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LessonReviews_ReviewedRevisionId",
                table: "LessonReviews",
                column: "ReviewedRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonReviews_ScheduledFor",
                table: "LessonReviews",
                column: "ScheduledFor");

            migrationBuilder.CreateIndex(
                name: "IX_LessonReviews_ScheduledRevisionId",
                table: "LessonReviews",
                column: "ScheduledRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_LessonId_CreatedAt",
                table: "ReviewComments",
                columns: new[] { "LessonId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewComments_RevisionId",
                table: "ReviewComments",
                column: "RevisionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonReviews");

            migrationBuilder.DropTable(
                name: "ReviewComments");
        }
    }
}
