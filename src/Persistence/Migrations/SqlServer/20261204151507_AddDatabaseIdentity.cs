using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false),
                    Value = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatabaseIdentities", x => x.Id);
                });

            // Random per database, so not HasData (one value in the model for every database).
            migrationBuilder.Sql("""
                INSERT INTO [DatabaseIdentities] ([Id], [Value]) VALUES (1, LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', '')));
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
