using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MentionCount",
                table: "Papers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    EntityId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Name = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Popularity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_MentionCount",
                table: "Papers",
                column: "MentionCount");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Kind_EntityId",
                table: "SearchEntries",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            // Existing graphs get their counts now; the search entries come with the next import (or startup seeding).
            migrationBuilder.Sql("UPDATE Papers SET MentionCount = (SELECT COUNT(DISTINCT m.SourceId) FROM Mentions m WHERE m.PaperId = Papers.Id)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropIndex(
                name: "IX_Papers_MentionCount",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "MentionCount",
                table: "Papers");
        }
    }
}
