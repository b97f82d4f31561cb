using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RetiredKeysBecomeIdentityKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdentityKeys",
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
                    table.PrimaryKey("PK_IdentityKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityKeys_Kind_EntityId",
                table: "IdentityKeys",
                columns: new[] { "Kind", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdentityKeys_Kind_Key",
                table: "IdentityKeys",
                columns: new[] { "Kind", "Key" },
                unique: true);

            // Every retired key is an identity key (of an entity that left); the live entities' keys are added by the next import.
            migrationBuilder.Sql("INSERT INTO [IdentityKeys] ([Kind], [Key], [EntityId]) SELECT [Kind], [Key], [EntityId] FROM [RetiredKeys];");

            migrationBuilder.DropTable(
                name: "RetiredKeys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetiredKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EntityId = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_CI_AS_SC")
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

            // RetiredKeys held one key per id: each id keeps its first key.
            migrationBuilder.Sql("INSERT INTO [RetiredKeys] ([Kind], [Key], [EntityId]) SELECT [Kind], MIN([Key]), [EntityId] FROM [IdentityKeys] GROUP BY [Kind], [EntityId];");

            migrationBuilder.DropTable(
                name: "IdentityKeys");
        }
    }
}
