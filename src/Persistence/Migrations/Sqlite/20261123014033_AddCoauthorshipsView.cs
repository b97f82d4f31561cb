using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCoauthorshipsView : Migration
    {
        /// <summary>The view as this migration created it (the same on SQLite and SQL Server).</summary>
        internal const string ViewSql = """
            CREATE VIEW Coauthorships AS
            SELECT mine.AuthorId AS AuthorId, theirs.AuthorId AS CoauthorId, COUNT(*) AS SharedPapers
            FROM PaperAuthors mine
            JOIN PaperAuthors theirs ON theirs.PaperId = mine.PaperId AND theirs.AuthorId <> mine.AuthorId
            GROUP BY mine.AuthorId, theirs.AuthorId
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Views are not modelled by EF migrations. (Replaced by a table in ReplaceCoauthorshipsViewByTable.)
            migrationBuilder.Sql(ViewSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW Coauthorships");
        }
    }
}
