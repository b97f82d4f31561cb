using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCoauthorshipsView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Views are not modelled by EF migrations; the SQL lives beside the entity's configuration.
            // CREATE VIEW must open its batch, and an idempotent script puts every statement inside IF ... BEGIN:
            // EXEC gives the view a batch of its own either way.
            migrationBuilder.Sql($"EXEC(N'{RlhfGraph.Persistence.Configurations.CoauthorshipConfiguration.ViewSql.Replace("'", "''", StringComparison.Ordinal)}')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW Coauthorships");
        }
    }
}
