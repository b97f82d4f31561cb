using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false, collation: "NOCASE"),
                    Name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false, collation: "NOCASE"),
                    Text = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    Popularity = table.Column<int>(type: "INTEGER", nullable: false)
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

            // FTS5 tables are not modelled by EF migrations; the SQL lives beside the search that reads it.
            migrationBuilder.Sql(RlhfGraph.Persistence.Search.Fts5SearchIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE SearchIndex");

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
