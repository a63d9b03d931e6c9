using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HoaHung.Learning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PackPathsAsDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsDraft",
                table: "LearningPaths",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsDraft",
                table: "LearningPaths");
        }
    }
}
