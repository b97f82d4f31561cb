using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPaperVenueAndYearSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VenueSource",
                table: "Papers",
                type: "TEXT",
                maxLength: 400,
                nullable: true,
                collation: "NOCASE");

            migrationBuilder.AddColumn<string>(
                name: "YearSource",
                table: "Papers",
                type: "TEXT",
                maxLength: 400,
                nullable: true,
                collation: "NOCASE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VenueSource",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "YearSource",
                table: "Papers");
        }
    }
}
