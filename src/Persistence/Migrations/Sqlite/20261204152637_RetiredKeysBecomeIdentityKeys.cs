using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, collation: "NOCASE"),
                    Key = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false, collation: "NOCASE"),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("INSERT INTO \"IdentityKeys\" (\"Kind\", \"Key\", \"EntityId\") SELECT \"Kind\", \"Key\", \"EntityId\" FROM \"RetiredKeys\";");

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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false, collation: "NOCASE"),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, collation: "NOCASE")
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
            migrationBuilder.Sql("INSERT INTO \"RetiredKeys\" (\"Kind\", \"Key\", \"EntityId\") SELECT \"Kind\", MIN(\"Key\"), \"EntityId\" FROM \"IdentityKeys\" GROUP BY \"Kind\", \"EntityId\";");

            migrationBuilder.DropTable(
                name: "IdentityKeys");
        }
    }
}
