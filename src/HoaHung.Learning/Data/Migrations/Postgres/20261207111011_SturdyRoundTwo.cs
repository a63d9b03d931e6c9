using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SturdyRoundTwo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "Topics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            // Accounts already in use are their owners' own: only one still waiting for its first password of her
            // choosing (a trainer's bulk account not yet taken over) stays unclaimed.
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "ClaimedAt" = "CreatedAt" WHERE NOT "MustChangePassword";""");

            migrationBuilder.CreateTable(
                name: "AttendancePassUses",
                columns: table => new
                {
                    PassId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendancePassUses", x => x.PassId);
                    table.ForeignKey(
                        name: "FK_AttendancePassUses_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendancePassUses_ClassSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ClassSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendancePassUses_SessionId",
                table: "AttendancePassUses",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendancePassUses_UserId",
                table: "AttendancePassUses",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendancePassUses");

            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "AspNetUsers");
        }
    }
}
