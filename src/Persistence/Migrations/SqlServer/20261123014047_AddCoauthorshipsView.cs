using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
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
            // CREATE VIEW must open its batch, and an idempotent script puts every statement inside IF ... BEGIN:
            // EXEC gives the view a batch of its own either way.
            migrationBuilder.Sql($"EXEC(N'{ViewSql.Replace("'", "''", StringComparison.Ordinal)}')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW Coauthorships");
        }
    }
}
