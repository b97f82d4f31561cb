using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Rebuilds Coauthorships as one b-tree in the order it is read: a WITHOUT ROWID table keyed by author, shared papers
    /// (descending) and co-author, with no separate read index and no foreign key. EF Core has no switch for WITHOUT
    /// ROWID, a descending key column or a foreign key kept out of the database, so this is SQL; the model's key has
    /// the same columns (see CoauthorshipConfiguration).
    /// </summary>
    /// <remarks>
    /// The importer rewrites the whole table in its transaction. On the 250k-item list's database (8.16M pairs, sqlite3,
    /// 64 MB cache) its INSERT … SELECT took 10.5–11.9 s in the old shape (a primary key, the read index beside it and an
    /// Authors lookup per row for the foreign key) and 6.7–6.8 s in this one (docs/benchmarks.md §13). The author's pairs
    /// went with the author by cascade; now they go when the importer rebuilds the table, in the same transaction.
    /// </remarks>
    public partial class CoauthorshipsClusteredInReadOrder : Migration
    {
        /// <summary>The table in this migration's shape; also what tests compare the live schema with.</summary>
        internal const string CreateTableSql = """
            CREATE TABLE "Coauthorships" (
                "AuthorId" INTEGER NOT NULL,
                "CoauthorId" INTEGER NOT NULL,
                "SharedPapers" INTEGER NOT NULL,
                CONSTRAINT "PK_Coauthorships" PRIMARY KEY ("AuthorId", "SharedPapers" DESC, "CoauthorId")
            ) WITHOUT ROWID
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot change a table's key or drop a constraint in place: a new table takes the rows.
            migrationBuilder.Sql("""DROP INDEX "IX_Coauthorships_AuthorId_SharedPapers_CoauthorId" """);
            migrationBuilder.Sql("""ALTER TABLE "Coauthorships" RENAME TO "Coauthorships_old" """);
            migrationBuilder.Sql(CreateTableSql);
            migrationBuilder.Sql("""
                INSERT INTO "Coauthorships" ("AuthorId", "CoauthorId", "SharedPapers")
                SELECT "AuthorId", "CoauthorId", "SharedPapers" FROM "Coauthorships_old" ORDER BY "AuthorId", "SharedPapers" DESC, "CoauthorId"
                """);
            migrationBuilder.Sql("""DROP TABLE "Coauthorships_old" """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Coauthorships" RENAME TO "Coauthorships_new" """);
            migrationBuilder.Sql(CoauthorshipsKeyedByPairWithoutCoauthorForeignKey.CreateTableSql);
            migrationBuilder.Sql("""
                INSERT INTO "Coauthorships" ("AuthorId", "CoauthorId", "SharedPapers")
                SELECT "AuthorId", "CoauthorId", "SharedPapers" FROM "Coauthorships_new" ORDER BY "AuthorId", "CoauthorId"
                """);
            migrationBuilder.Sql("""DROP TABLE "Coauthorships_new" """);
            migrationBuilder.Sql(CoauthorshipsKeyedByPairWithoutCoauthorForeignKey.ReadIndexSql);
        }
    }
}
