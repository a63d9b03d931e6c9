using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class XapiOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "XapiOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Statement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParkReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XapiOutbox_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "XapiSecrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiSecrets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_XapiOutbox_ClaimedBy",
                table: "XapiOutbox",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_XapiOutbox_ParkedAt_NextAttemptAt",
                table: "XapiOutbox",
                columns: new[] { "ParkedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiOutbox_UserId",
                table: "XapiOutbox",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "XapiOutbox");

            migrationBuilder.DropTable(
                name: "XapiSecrets");
        }
    }
}
