using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
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
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true,
                collation: "Latin1_General_100_CI_AS_SC");

            migrationBuilder.AddColumn<string>(
                name: "YearSource",
                table: "Papers",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true,
                collation: "Latin1_General_100_CI_AS_SC");
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
