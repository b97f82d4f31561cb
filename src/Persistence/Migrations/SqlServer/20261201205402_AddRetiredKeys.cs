using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    EntityId = table.Column<int>(type: "int", nullable: false)
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
