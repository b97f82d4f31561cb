using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRetiredKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetiredKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, collation: "NOCASE"),
                    Key = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false, collation: "NOCASE"),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetiredKeys_Kind_EntityId",
                table: "RetiredKeys",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetiredKeys_Kind_Key",
                table: "RetiredKeys",
                columns: new[] { "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredKeys");
        }
    }
}
