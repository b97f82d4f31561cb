using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReplaceCoauthorshipsViewByTable : Migration
    {
        /// <summary>The pairs the bylines give, as the importer computes them (Import/CoauthorshipTable), frozen here.</summary>
        internal const string FillSql = """
            INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers)
            SELECT mine.AuthorId, theirs.AuthorId, COUNT(*)
            FROM PaperAuthors mine
            JOIN PaperAuthors theirs ON theirs.PaperId = mine.PaperId AND theirs.AuthorId <> mine.AuthorId
            GROUP BY mine.AuthorId, theirs.AuthorId
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The view aggregated the whole corpus on every per-author read (SQLite cannot push a correlated
            // AuthorId into its GROUP BY); the table is filled once here and kept by the importer from now on.
            migrationBuilder.Sql("DROP VIEW Coauthorships");

            migrationBuilder.CreateTable(
                name: "Coauthorships",
                columns: table => new
                {
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoauthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedPapers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coauthorships", x => new { x.AuthorId, x.CoauthorId });
                    table.ForeignKey(
                        name: "FK_Coauthorships_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Coauthorships_Authors_CoauthorId",
                        column: x => x.CoauthorId,
                        principalTable: "Authors",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Coauthorships_AuthorId_SharedPapers_CoauthorId",
                table: "Coauthorships",
                columns: new[] { "AuthorId", "SharedPapers", "CoauthorId" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Coauthorships_CoauthorId",
                table: "Coauthorships",
                column: "CoauthorId");

            // An upgraded database is right at once, without a re-import.
            migrationBuilder.Sql(FillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Coauthorships");

            migrationBuilder.Sql(AddCoauthorshipsView.ViewSql);
        }
    }
}
