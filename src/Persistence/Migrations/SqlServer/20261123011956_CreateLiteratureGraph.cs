using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RlhfGraph.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CreateLiteratureGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PaperCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Codebases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Url = table.Column<string>(type: "nvarchar(850)", maxLength: 850, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Host = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Owner = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Repository = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Codebases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Url = table.Column<string>(type: "nvarchar(850)", maxLength: 850, nullable: true, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Keywords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Category = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Keywords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Papers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Title = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    TitleKey = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    Url = table.Column<string>(type: "nvarchar(850)", maxLength: 850, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    ArxivId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Year = table.Column<int>(type: "int", nullable: true),
                    Venue = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Alias = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    CitationCount = table.Column<int>(type: "int", nullable: true),
                    HasOfficialCode = table.Column<bool>(type: "bit", nullable: false),
                    AuthorsTruncated = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Papers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    FileName = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    OriginalFileName = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Format = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_CI_AS_SC"),
                    ItemCount = table.Column<int>(type: "int", nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuthorAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AuthorId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuthorAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuthorAliases_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodebaseAuthors",
                columns: table => new
                {
                    CodebaseId = table.Column<int>(type: "int", nullable: false),
                    AuthorId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodebaseAuthors", x => new { x.CodebaseId, x.AuthorId });
                    table.ForeignKey(
                        name: "FK_CodebaseAuthors_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodebaseAuthors_Codebases_CodebaseId",
                        column: x => x.CodebaseId,
                        principalTable: "Codebases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodebaseDatasets",
                columns: table => new
                {
                    CodebaseId = table.Column<int>(type: "int", nullable: false),
                    DatasetId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodebaseDatasets", x => new { x.CodebaseId, x.DatasetId });
                    table.ForeignKey(
                        name: "FK_CodebaseDatasets_Codebases_CodebaseId",
                        column: x => x.CodebaseId,
                        principalTable: "Codebases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodebaseDatasets_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DatasetAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DatasetId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false, collation: "Latin1_General_100_CI_AS_SC")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DatasetAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DatasetAliases_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CodebaseKeywords",
                columns: table => new
                {
                    CodebaseId = table.Column<int>(type: "int", nullable: false),
                    KeywordId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodebaseKeywords", x => new { x.CodebaseId, x.KeywordId });
                    table.ForeignKey(
                        name: "FK_CodebaseKeywords_Codebases_CodebaseId",
                        column: x => x.CodebaseId,
                        principalTable: "Codebases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CodebaseKeywords_Keywords_KeywordId",
                        column: x => x.KeywordId,
                        principalTable: "Keywords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperAuthors",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    AuthorId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperAuthors", x => new { x.PaperId, x.AuthorId });
                    table.ForeignKey(
                        name: "FK_PaperAuthors_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperAuthors_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperCodebases",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    CodebaseId = table.Column<int>(type: "int", nullable: false),
                    Relation = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperCodebases", x => new { x.PaperId, x.CodebaseId });
                    table.ForeignKey(
                        name: "FK_PaperCodebases_Codebases_CodebaseId",
                        column: x => x.CodebaseId,
                        principalTable: "Codebases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperCodebases_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperDatasets",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    DatasetId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperDatasets", x => new { x.PaperId, x.DatasetId });
                    table.ForeignKey(
                        name: "FK_PaperDatasets_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperDatasets_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperKeywords",
                columns: table => new
                {
                    PaperId = table.Column<int>(type: "int", nullable: false),
                    KeywordId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperKeywords", x => new { x.PaperId, x.KeywordId });
                    table.ForeignKey(
                        name: "FK_PaperKeywords_Keywords_KeywordId",
                        column: x => x.KeywordId,
                        principalTable: "Keywords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperKeywords_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Mentions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SourceId = table.Column<int>(type: "int", nullable: false),
                    Section = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true, collation: "Latin1_General_100_CI_AS_SC"),
                    Line = table.Column<int>(type: "int", nullable: false),
                    Column = table.Column<int>(type: "int", nullable: true),
                    PaperId = table.Column<int>(type: "int", nullable: true),
                    CodebaseId = table.Column<int>(type: "int", nullable: true),
                    DatasetId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mentions", x => x.Id);
                    table.CheckConstraint("CK_Mention_OneTarget", "(CASE WHEN [PaperId] IS NULL THEN 0 ELSE 1 END + CASE WHEN [CodebaseId] IS NULL THEN 0 ELSE 1 END + CASE WHEN [DatasetId] IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_Mentions_Codebases_CodebaseId",
                        column: x => x.CodebaseId,
                        principalTable: "Codebases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Datasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "Datasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Mentions_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuthorAliases_AuthorId_Name",
                table: "AuthorAliases",
                columns: new[] { "AuthorId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuthorAliases_Name",
                table: "AuthorAliases",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Key",
                table: "Authors",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Name",
                table: "Authors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_PaperCount",
                table: "Authors",
                column: "PaperCount");

            migrationBuilder.CreateIndex(
                name: "IX_CodebaseAuthors_AuthorId_CodebaseId",
                table: "CodebaseAuthors",
                columns: new[] { "AuthorId", "CodebaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CodebaseDatasets_DatasetId_CodebaseId",
                table: "CodebaseDatasets",
                columns: new[] { "DatasetId", "CodebaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CodebaseKeywords_KeywordId_CodebaseId",
                table: "CodebaseKeywords",
                columns: new[] { "KeywordId", "CodebaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Codebases_Host",
                table: "Codebases",
                column: "Host");

            migrationBuilder.CreateIndex(
                name: "IX_Codebases_Key",
                table: "Codebases",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Codebases_Name",
                table: "Codebases",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Codebases_Url",
                table: "Codebases",
                column: "Url");

            migrationBuilder.CreateIndex(
                name: "IX_DatasetAliases_DatasetId_Name",
                table: "DatasetAliases",
                columns: new[] { "DatasetId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetAliases_Name",
                table: "DatasetAliases",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_Key",
                table: "Datasets",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_Name",
                table: "Datasets",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Datasets_Url",
                table: "Datasets",
                column: "Url");

            migrationBuilder.CreateIndex(
                name: "IX_Keywords_Category",
                table: "Keywords",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_Keywords_Key",
                table: "Keywords",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Keywords_Name",
                table: "Keywords",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_CodebaseId",
                table: "Mentions",
                column: "CodebaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_DatasetId",
                table: "Mentions",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_PaperId",
                table: "Mentions",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_Mentions_SourceId_Line",
                table: "Mentions",
                columns: new[] { "SourceId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperAuthors_AuthorId_PaperId",
                table: "PaperAuthors",
                columns: new[] { "AuthorId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperCodebases_CodebaseId_PaperId",
                table: "PaperCodebases",
                columns: new[] { "CodebaseId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperDatasets_DatasetId_PaperId",
                table: "PaperDatasets",
                columns: new[] { "DatasetId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperKeywords_KeywordId_PaperId",
                table: "PaperKeywords",
                columns: new[] { "KeywordId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ArxivId",
                table: "Papers",
                column: "ArxivId",
                unique: true,
                filter: "[ArxivId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_CitationCount",
                table: "Papers",
                column: "CitationCount");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Key",
                table: "Papers",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Kind",
                table: "Papers",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Title",
                table: "Papers",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_TitleKey",
                table: "Papers",
                column: "TitleKey");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Url",
                table: "Papers",
                column: "Url");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Venue",
                table: "Papers",
                column: "Venue");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Year",
                table: "Papers",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Name",
                table: "Sources",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuthorAliases");

            migrationBuilder.DropTable(
                name: "CodebaseAuthors");

            migrationBuilder.DropTable(
                name: "CodebaseDatasets");

            migrationBuilder.DropTable(
                name: "CodebaseKeywords");

            migrationBuilder.DropTable(
                name: "DatasetAliases");

            migrationBuilder.DropTable(
                name: "Mentions");

            migrationBuilder.DropTable(
                name: "PaperAuthors");

            migrationBuilder.DropTable(
                name: "PaperCodebases");

            migrationBuilder.DropTable(
                name: "PaperDatasets");

            migrationBuilder.DropTable(
                name: "PaperKeywords");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Authors");

            migrationBuilder.DropTable(
                name: "Codebases");

            migrationBuilder.DropTable(
                name: "Datasets");

            migrationBuilder.DropTable(
                name: "Keywords");

            migrationBuilder.DropTable(
                name: "Papers");
        }
    }
}
