using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Rebuilds Coauthorships as a WITHOUT ROWID table keyed by the pair, with no foreign key (and so no index) on the
    /// co-author side. The model does not change: the read side joins a pair to its co-author through the relationship,
    /// which needs no constraint in the database, and EF Core has no switch for either (WITHOUT ROWID, a foreign key kept
    /// out of the database), so this is SQL. See CoauthorshipConfiguration.
    /// </summary>
    /// <remarks>
    /// The importer rewrites the whole table in its transaction. At 100k papers (3.2M pairs) the INSERT … SELECT took
    /// 17.7 s in the old shape (the co-author side's foreign-key checks and its index, filled in random order, a rowid
    /// b-tree plus a separate primary-key index) and 5.5 s in this one (docs/benchmarks.md §13): the pair is both the
    /// primary key's order and the grouping's, so rows go in as appends.
    /// </remarks>
    public partial class CoauthorshipsKeyedByPairWithoutCoauthorForeignKey : Migration
    {
        /// <summary>The table in this migration's shape; also what tests compare the live schema with.</summary>
        internal const string CreateTableSql = """
            CREATE TABLE "Coauthorships" (
                "AuthorId" INTEGER NOT NULL,
                "CoauthorId" INTEGER NOT NULL,
                "SharedPapers" INTEGER NOT NULL,
                CONSTRAINT "PK_Coauthorships" PRIMARY KEY ("AuthorId", "CoauthorId"),
                CONSTRAINT "FK_Coauthorships_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("Id") ON DELETE CASCADE
            ) WITHOUT ROWID
            """;

        internal const string ReadIndexSql = """
            CREATE INDEX "IX_Coauthorships_AuthorId_SharedPapers_CoauthorId" ON "Coauthorships" ("AuthorId", "SharedPapers" DESC, "CoauthorId")
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot alter a table into WITHOUT ROWID or drop one of its constraints: a new table takes the rows.
            migrationBuilder.Sql("""ALTER TABLE "Coauthorships" RENAME TO "Coauthorships_old" """);
            migrationBuilder.Sql(CreateTableSql);
            migrationBuilder.Sql("""
                INSERT INTO "Coauthorships" ("AuthorId", "CoauthorId", "SharedPapers")
                SELECT "AuthorId", "CoauthorId", "SharedPapers" FROM "Coauthorships_old" ORDER BY "AuthorId", "CoauthorId"
                """);
            migrationBuilder.Sql("""DROP TABLE "Coauthorships_old" """);
            migrationBuilder.Sql(ReadIndexSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Coauthorships" RENAME TO "Coauthorships_new" """);
            migrationBuilder.Sql("""
                CREATE TABLE "Coauthorships" (
                    "AuthorId" INTEGER NOT NULL,
                    "CoauthorId" INTEGER NOT NULL,
                    "SharedPapers" INTEGER NOT NULL,
                    CONSTRAINT "PK_Coauthorships" PRIMARY KEY ("AuthorId", "CoauthorId"),
                    CONSTRAINT "FK_Coauthorships_Authors_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "Authors" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_Coauthorships_Authors_CoauthorId" FOREIGN KEY ("CoauthorId") REFERENCES "Authors" ("Id")
                )
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Coauthorships" ("AuthorId", "CoauthorId", "SharedPapers")
                SELECT "AuthorId", "CoauthorId", "SharedPapers" FROM "Coauthorships_new" ORDER BY "AuthorId", "CoauthorId"
                """);
            migrationBuilder.Sql("""DROP TABLE "Coauthorships_new" """);
            migrationBuilder.Sql(ReadIndexSql);
            migrationBuilder.Sql("""CREATE INDEX "IX_Coauthorships_CoauthorId" ON "Coauthorships" ("CoauthorId")""");
        }
    }
}
