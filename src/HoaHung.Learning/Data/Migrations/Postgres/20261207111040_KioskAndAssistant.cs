using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KioskAndAssistant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistantUnansweredQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Question = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Times = table.Column<int>(type: "integer", nullable: false),
                    FirstAskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistantUnansweredQuestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KioskHandoffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LessonSlug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Progress = table.Column<byte[]>(type: "bytea", maxLength: 4096, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KioskHandoffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ZaloReceivedEvents",
                columns: table => new
                {
                    MessageKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ZaloReceivedEvents", x => x.MessageKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistantUnansweredQuestions_Channel_Question",
                table: "AssistantUnansweredQuestions",
                columns: new[] { "Channel", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistantUnansweredQuestions_LastAskedAt",
                table: "AssistantUnansweredQuestions",
                column: "LastAskedAt");

            migrationBuilder.CreateIndex(
                name: "IX_KioskHandoffs_CodeHash",
                table: "KioskHandoffs",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KioskHandoffs_CreatedAt",
                table: "KioskHandoffs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ZaloReceivedEvents_ReceivedAt",
                table: "ZaloReceivedEvents",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistantUnansweredQuestions");

            migrationBuilder.DropTable(
                name: "KioskHandoffs");

            migrationBuilder.DropTable(
                name: "ZaloReceivedEvents");
        }
    }
}
