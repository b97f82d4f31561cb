using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Drops the co-author side's foreign key of Coauthorships and the index it needed. The table is already keyed by the
    /// pair here (the primary key is clustered); the model does not change: the read side joins a pair to its co-author
    /// through the relationship, which needs no constraint in the database. See CoauthorshipConfiguration.
    /// </summary>
    /// <remarks>
    /// The importer rewrites the whole table in its transaction; every row paid a lookup in Authors for that key and
    /// an insert into an index filled in random order (on SQLite, with the rowid table, 17.7 → 5.5 s at 100k papers:
    /// docs/benchmarks.md §13). Nothing reads the table by co-author.
    /// </remarks>
    public partial class CoauthorshipsKeyedByPairWithoutCoauthorForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Coauthorships_Authors_CoauthorId",
                table: "Coauthorships");

            migrationBuilder.DropIndex(
                name: "IX_Coauthorships_CoauthorId",
                table: "Coauthorships");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Coauthorships_CoauthorId",
                table: "Coauthorships",
                column: "CoauthorId");

            migrationBuilder.AddForeignKey(
                name: "FK_Coauthorships_Authors_CoauthorId",
                table: "Coauthorships",
                column: "CoauthorId",
                principalTable: "Authors",
                principalColumn: "Id");
        }
    }
}
