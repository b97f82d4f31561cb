using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <summary>
    /// Clusters Coauthorships in the order it is read (author, shared papers descending, co-author) and drops the read
    /// index and the author side's foreign key, so the table is one b-tree with no lookups per row. EF Core cannot say
    /// a descending key column or a foreign key kept out of the database, so the key and the drop are SQL; the model's
    /// key has the same columns (see CoauthorshipConfiguration).
    /// </summary>
    /// <remarks>
    /// The importer rewrites the whole table in its transaction; on SQLite this shape took the 250k-item list's
    /// co-authorships from 10.5–11.9 to 6.7–6.8 s (docs/benchmarks.md §13). The author's pairs went with the author by
    /// cascade; now they go when the importer rebuilds the table, in the same transaction.
    /// </remarks>
    public partial class CoauthorshipsClusteredInReadOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Coauthorships_Authors_AuthorId",
                table: "Coauthorships");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Coauthorships",
                table: "Coauthorships");

            migrationBuilder.DropIndex(
                name: "IX_Coauthorships_AuthorId_SharedPapers_CoauthorId",
                table: "Coauthorships");

            migrationBuilder.Sql("ALTER TABLE [Coauthorships] ADD CONSTRAINT [PK_Coauthorships] PRIMARY KEY CLUSTERED ([AuthorId], [SharedPapers] DESC, [CoauthorId]);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Coauthorships",
                table: "Coauthorships");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Coauthorships",
                table: "Coauthorships",
                columns: new[] { "AuthorId", "CoauthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Coauthorships_AuthorId_SharedPapers_CoauthorId",
                table: "Coauthorships",
                columns: new[] { "AuthorId", "SharedPapers", "CoauthorId" },
                descending: new[] { false, true, false });

            migrationBuilder.AddForeignKey(
                name: "FK_Coauthorships_Authors_AuthorId",
                table: "Coauthorships",
                column: "AuthorId",
                principalTable: "Authors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
