using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using RlhfGraph.Persistence.Providers;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Providers;

/// <summary>
/// SQL Server kept honest without a SQL Server: every T-SQL text the SQL Server path emits for the query catalog,
/// the README's queries and every filter, sort and paging shape — captured by replaying each request's database
/// work on a SQL Server context that never connects — plus the raw SQL (stats, related papers, search, the
/// co-authorship view, the migrations' idempotent script, the IDENTITY_INSERT that gives a returning entity its
/// retired id) is parsed by Microsoft's own T-SQL parser (TSql160Parser, SQL Server 2022) with zero errors.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class TSqlParsingTests(SqliteApiFactory api)
{
    // Shapes beyond the catalog: every operator, both paging directions, counts and page info at each level, the raw-SQL fields.
    private static readonly string[] Shapes =
    [
        """{ papers(first: 3, where: { title: { contains: "a%_[b", ncontains: "x", startsWith: "D", nstartsWith: "q", endsWith: "n", nendsWith: "z", in: ["A"], nin: ["B"], neq: null } }) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { title } } }""",
        """{ papers(first: 3, where: { or: [{ year: { gte: 2020, lt: 2024, nin: [2021] } }, { kind: { in: [SURVEY] } }, { hasOfficialCode: { eq: true } }], and: [{ citationCount: { ngt: 100000, nlte: -1 } }] }) { totalCount nodes { title } } }""",
        """{ papers(first: 3, where: { authors: { some: { name: { contains: "sadigh" } }, none: { kind: { eq: ORGANIZATION } } }, codebases: { any: true }, datasets: { all: { name: { neq: "x" } } }, keywords: { some: { eq: "PPO" } } }) { nodes { title } } }""",
        """{ papers(last: 3, order: [{ year: DESC }, { title: ASC }]) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor } nodes { title authors(last: 2) { totalCount pageInfo { hasPreviousPage } nodes { name } } } } }""",
        """{ authors(first: 3, order: [{ paperCount: DESC }]) { nodes { name aliases papers(first: 2, where: { year: { gte: 2022 } }, order: [{ citationCount: DESC }]) { totalCount pageInfo { hasNextPage } edges { cursor node { title keywords mentions { section source { name } } } } } coauthors(first: 3) { edges { sharedPapers node { name } } } } } }""",
        """{ codebases(first: 3) { nodes { url papers(first: 2) { nodes { title codebases { edges { relation node { url } } } datasets { nodes { name papers(first: 1) { totalCount } } } } } } } }""",
        """{ keywords(first: 3) { nodes { name papers(first: 2) { nodes { title related(first: 3) { score paper { title } } } } } } datasets(first: 2) { nodes { name } } sources { name } }""",
        """{ search(query: "preference optimization", first: 3) { totalCount edges { score node { __typename } } } autocomplete(prefix: "sad") { label } }""",
        """{ stats(where: { year: { gte: 2022 } }) { paperCount papersPerYear { key count } papersPerKeyword(first: 5) { key count } topAuthors(first: 5) { key count id } codebasesPerHost { key count } } }""",
        """{ authorPath(from: "QXV0aG9yOjY1", to: "QXV0aG9yOjU5Ng==", maxHops: 4) { hops authors { name } } paperByArxivId(arxivId: "2305.18290") { title mentionCount sources { name } } }""",
    ];

    [Fact]
    public async Task EveryStatementTheSqlServerPathEmitsForTheQueriesParses()
    {
        var capture = new TSqlCapture();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IReadObserver>(capture)));
        using var client = host.CreateClient();

        var queries = RepositoryFiles.ReadmeQueries()
            .Concat(Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText))
            .Concat(Shapes)
            .ToList();
        foreach (var query in queries)
        {
            using var request = ApiFactory.GraphQLRequest(query);
            (await api.SendAsync(request, client)).ShouldSucceed();
        }

        // Paging from a cursor, both ways, at the root and nested.
        const string paged = "query ($after: String, $before: String) { papers(first: 2, after: $after) { nodes { authors(first: 1, after: $after) { totalCount } } } back: papers(last: 2, before: $before) { pageInfo { hasNextPage } nodes { title } } }";
        var cursor = (string)(await api.PostAsync("{ papers(first: 2) { pageInfo { endCursor } } }")).ShouldSucceed().Data["papers"]!["pageInfo"]!["endCursor"]!;
        using (var request = ApiFactory.GraphQLRequest(paged, new { before = cursor }))
            (await api.SendAsync(request, client)).ShouldSucceed();

        var statements = capture.Statements.Append(ReadSnapshot.SqlServerBegin).Append(ReadSnapshot.SqlServerEnd).Distinct().ToList();
        Assert.True(statements.Count >= 40, $"only {statements.Count} distinct statements captured");
        // Each kind of SQL the path has: keyset pages, per-parent windows, LIKE with its escape, the raw SQL fields.
        Assert.Contains(statements, s => s.Contains("ROW_NUMBER() OVER", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("ESCAPE N'\\'", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("Coauthorships", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("PaperKeywords a JOIN PaperKeywords b", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("SearchEntries", StringComparison.Ordinal));
        foreach (var sql in statements) AssertParses(sql);
    }

    [Fact]
    public void TheIdempotentMigrationScriptAndTheViewInsideItParse()
    {
        using var db = new TSqlCapture().CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var fragment = AssertParses(script);

        // CREATE VIEW runs through EXEC(N'…'), so its text is a string to the parser: parse what it holds too.
        var executed = new ExecutedStrings();
        fragment.Accept(executed);
        Assert.Contains(executed.Texts, t => t.Contains("CREATE VIEW Coauthorships", StringComparison.Ordinal));
        foreach (var text in executed.Texts) AssertParses(text);
    }

    [Fact]
    public void TheIdentityInsertThatGivesARetiredIdBackParsesForEveryEntityTable()
    {
        using var db = new TSqlCapture().CreateContext();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null))
        {
            var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
            var script = (TSqlScript)AssertParses($"{IdentityInsert.SqlServerOn(table)}\n{IdentityInsert.SqlServerOff(table)}");

            var statements = script.Batches.SelectMany(b => b.Statements).ToList();
            Assert.Equal(2, statements.Count);
            Assert.All(statements, s => Assert.Equal(entity.GetTableName(), Assert.IsType<SetIdentityInsertStatement>(s).Table.BaseIdentifier.Value));
        }
    }

    private static TSqlFragment AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))}\n{sql}");
        return fragment;
    }

    private sealed class ExecutedStrings : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            Texts.AddRange(node.Strings.OfType<StringLiteral>().Select(s => s.Value));
            base.Visit(node);
        }
    }
}
