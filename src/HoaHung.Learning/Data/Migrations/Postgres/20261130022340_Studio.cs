using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Studio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorId",
                table: "Lessons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "Lessons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Team",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LessonDrafts",
                columns: table => new
                {
                    LessonId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TopicSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    VideoUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    VideoPath = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CaptionsPath = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    PosterPath = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    CoverPath = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    QuizJson = table.Column<string>(type: "text", nullable: true),
                    Paths = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    BaseRevisionId = table.Column<int>(type: "integer", nullable: true),
                    BaseVersion = table.Column<long>(type: "bigint", nullable: false),
                    LastRevisionId = table.Column<int>(type: "integer", nullable: true),
                    LastRevisionVersion = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedRevisionId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedSession = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonDrafts", x => x.LessonId);
                    table.ForeignKey(
                        name: "FK_LessonDrafts_LessonRevisions_BaseRevisionId",
                        column: x => x.BaseRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LessonDrafts_LessonRevisions_LastRevisionId",
                        column: x => x.LastRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LessonDrafts_LessonRevisions_SubmittedRevisionId",
                        column: x => x.SubmittedRevisionId,
                        principalTable: "LessonRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_LessonDrafts_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LessonMedia",
                columns: table => new
                {
                    LessonId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    MediaAssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonMedia", x => new { x.LessonId, x.Path });
                    table.ForeignKey(
                        name: "FK_LessonMedia_Lessons_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Lessons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LessonMedia_MediaAssets_MediaAssetId",
                        column: x => x.MediaAssetId,
                        principalTable: "MediaAssets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_AuthorId",
                table: "Lessons",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_Team",
                table: "Lessons",
                column: "Team");

            migrationBuilder.CreateIndex(
                name: "IX_LessonDrafts_BaseRevisionId",
                table: "LessonDrafts",
                column: "BaseRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonDrafts_LastRevisionId",
                table: "LessonDrafts",
                column: "LastRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonDrafts_State_SubmittedAt",
                table: "LessonDrafts",
                columns: new[] { "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonDrafts_SubmittedRevisionId",
                table: "LessonDrafts",
                column: "SubmittedRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_LessonMedia_MediaAssetId",
                table: "LessonMedia",
                column: "MediaAssetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonDrafts");

            migrationBuilder.DropTable(
                name: "LessonMedia");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_AuthorId",
                table: "Lessons");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_Team",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "AuthorId",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "Team",
                table: "AspNetUsers");
        }
    }
}
