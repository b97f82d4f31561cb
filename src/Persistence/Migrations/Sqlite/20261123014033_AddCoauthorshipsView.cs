using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCoauthorshipsView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Views are not modelled by EF migrations; the SQL lives beside the entity's configuration.
            migrationBuilder.Sql(RlhfGraph.Persistence.Configurations.CoauthorshipConfiguration.ViewSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW Coauthorships");
        }
    }
}
