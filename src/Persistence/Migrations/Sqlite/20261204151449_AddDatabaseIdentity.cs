using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDatabaseIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DatabaseIdentities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false, collation: "NOCASE")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseIdentities", x => x.Id);
                });

            // Random per database, so not HasData (one value in the model for every database).
            migrationBuilder.Sql("""
                INSERT INTO "DatabaseIdentities" ("Id", "Value") VALUES (1, lower(hex(randomblob(16))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DatabaseIdentities");
        }
    }
}
