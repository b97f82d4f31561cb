using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Benchmarks.Peer;
using RlhfGraph.Corpus;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Sql;
using RlhfGraph.Tests.Fuzzing;
using RlhfGraph.Tests.Infrastructure;
using RlhfGraph.Tests.Providers;

namespace RlhfGraph.Tests.Planning;

/// <summary>
/// The query plan guard: every statement the API runs for the catalogs (the query files, the README's operations, the
/// peer benchmark's queries a–e, PlanTSqlTests' shapes, PlannedReadTests' shapes and a fixed set of fuzzed documents)
/// is run over HTTP on a synthetic corpus of <see cref="CorpusPapers"/> papers (fixed seed, ANALYZEd, so SQLite's
/// planner chooses as it would on real data), and its EXPLAIN QUERY PLAN is read.
/// <para>
/// The rule: work per parent is work on that parent's rows. A correlated subquery runs once per row of the level
/// above (a nested list under each parent, its totalCount and hasNextPage, an EXISTS filter per row, each level of a
/// statement read for a batch of parent ids), so under a CORRELATED node nothing may read a table whose size grows
/// with the corpus as a whole: no full SCAN of it (a covering index scanned end to end is still a scan), no
/// AUTOMATIC index on it (built by scanning it, per statement), and no USE TEMP B-TREE FOR GROUP BY (an aggregate
/// computed per request instead of kept by the importer). Work at a statement's top level is the client's own
/// question and may scan: a root `papers(first: 10)` ordered by a column without an index reads the table once, and
/// `stats` groups all papers by design. Sorting one parent's rows (USE TEMP B-TREE FOR ORDER BY) is allowed: it
/// grows with the parent, not the corpus.
/// </para>
/// A table "grows with the corpus" when the guard's corpus gives it at least <see cref="GrowingRows"/> rows (papers,
/// authors, bylines, codebases, mentions, search entries…; not sources or the data version). What the guard finds
/// and cannot be fixed here is listed in <see cref="Allowed"/> with its reason; each failure names the catalog
/// entry, the plan line and the statement.
/// </summary>
public sealed partial class QueryPlanTests(QueryPlanTests.CorpusApi corpus) : IClassFixture<QueryPlanTests.CorpusApi>
{
    public const int CorpusPapers = 3000;

    public const int GrowingRows = 100;

    /// <summary>Findings accepted on purpose: a catalog entry prefix and a plan line fragment, with the reason.</summary>
    private static readonly (string Entry, string Line, string Reason)[] Allowed =
    [
    ];

    [Fact]
    public async Task NoPerParentReadScansOrGroupsATableThatGrowsWithTheCorpus()
    {
        var findings = new List<string>();
        var explained = 0;
        var roots = 0;
        var correlated = 0;
        foreach (var (name, query, variables, cursors) in corpus.Catalog())
        {
            var statements = await corpus.RunAsync(query, variables, cursors);
            foreach (var statement in statements)
            {
                explained++;
                if (statement.IsRootList) roots++;
                var violations = corpus.Violations(statement, out var perParent);
                if (perParent) correlated++;
                foreach (var (line, why) in violations)
                {
                    if (Allowed.Any(a => name.StartsWith(a.Entry, StringComparison.Ordinal) && line.Contains(a.Line, StringComparison.Ordinal))) continue;
                    findings.Add($"{name}: `{line}` ({why}) in {Excerpt(statement.Sql)}");
                }
            }
        }

        Assert.True(findings.Count == 0, $"{findings.Count} per-parent reads that grow with the corpus:\n{string.Join("\n", findings.Distinct())}");
        // The catalogs really ran: hundreds of statements, most of them planned root lists, many with per-parent parts
        // (nested pages; "some" filters are not among them since they read as uncorrelated IN lists).
        Assert.True(explained > 400 && roots > 250 && correlated > 100, $"only {explained} statements explained, {roots} of them root lists, {correlated} with correlated parts");
    }

    [Fact]
    public void TheGuardCatchesTheAggregateThatCostAWholeCorpusPerAuthor()
    {
        // What the coauthors level read while Coauthorships was a view: its GROUP BY per request, filtered by a
        // correlated author id that cannot reach inside it.
        const string viewShape = """
            SELECT (SELECT COUNT(*) FROM (
                SELECT mine.AuthorId AS AuthorId, theirs.AuthorId AS CoauthorId, COUNT(*) AS SharedPapers
                FROM PaperAuthors mine JOIN PaperAuthors theirs ON theirs.PaperId = mine.PaperId AND theirs.AuthorId <> mine.AuthorId
                GROUP BY mine.AuthorId, theirs.AuthorId) v WHERE v.AuthorId = a.Id)
            FROM Authors a
            """;
        var violations = corpus.Violations(new Statement(viewShape, [], IsRootList: true), out _);

        Assert.Contains(violations, v => v.Line.Contains("USE TEMP B-TREE FOR GROUP BY", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Why.Contains("PaperAuthors", StringComparison.Ordinal));

        // The table that replaced it is read by its index, per author.
        const string tableShape = """
            SELECT (SELECT COUNT(*) FROM Coauthorships c WHERE c.AuthorId = a.Id), (SELECT json_group_array(page.CoauthorId) FROM (
                SELECT c.CoauthorId FROM Coauthorships c WHERE c.AuthorId = a.Id ORDER BY c.SharedPapers DESC, c.CoauthorId LIMIT 3) page)
            FROM Authors a
            """;
        Assert.Empty(corpus.Violations(new Statement(tableShape, [], IsRootList: true), out _));
    }

    [Fact]
    public async Task AuthorPathWalksOnlyTheFrontiersRows()
    {
        // From one of the least credited authors to co-authors of co-authors of co-authors: paths of a few hops (the
        // corpus's prolific authors are hubs), walked from both ends over a corpus of thousands.
        await corpus.RunAsync("{ authors(first: 1, where: { paperCount: { eq: 2 } }, order: [{ id: DESC }]) { nodes { id } } }", null, "");
        var from = (string)corpus.LastResponse!["data"]!["authors"]!["nodes"]![0]!["id"]!;
        await corpus.RunAsync("query ($a: ID!) { node(id: $a) { ... on Author { coauthors(first: 3) { nodes { coauthors(first: 5) { nodes { id coauthors(first: 5) { nodes { id } } } } } } } } }", new JsonObject { ["a"] = from }, "");
        var targets = corpus.LastResponse!["data"]!["node"]!["coauthors"]!["nodes"]!.AsArray()
            .SelectMany(a => a!["coauthors"]!["nodes"]!.AsArray()).SelectMany(b => b!["coauthors"]!["nodes"]!.AsArray().Select(c => (string)c!["id"]!).Prepend((string)b!["id"]!))
            .Distinct().Take(15).ToList();
        var walked = 0;
        var longest = 0;
        var findings = new List<string>();
        foreach (var to in targets)
        {
            var variables = new JsonObject { ["a"] = from, ["b"] = to };
            var statements = await corpus.RunAsync("query ($a: ID!, $b: ID!) { authorPath(from: $a, to: $b, maxHops: 6) { hops authors { name } papers { title } } }", variables, "");
            if (corpus.LastResponse?["data"]?["authorPath"]?["hops"] is { } hops) longest = Math.Max(longest, (int)hops);
            foreach (var statement in statements)
            {
                walked++;
                findings.AddRange(corpus.WholeTableReads(statement).Select(line => $"to author {to}: `{line}` in {Excerpt(statement.Sql)}"));
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
        Assert.True(longest >= 2 && walked > 3 * targets.Count, $"paths up to {longest} hops, {walked} statements for {targets.Count} paths");
        // What the check would catch: a walk step that looks for the frontier's co-authors by anything but their key.
        Assert.NotEmpty(corpus.WholeTableReads(new Statement("SELECT json_group_array(c.CoauthorId) FROM Coauthorships c WHERE c.CoauthorId + 0 IN (1, 2)", [], false)));
    }

    [Theory]
    [InlineData("{ papers(first: 20, where: { authors: { some: { name: { eq: \"Paul Christiano\" } } } }) { totalCount nodes { title } } }")]
    [InlineData("{ papers(first: 20, where: { hasOfficialCode: { eq: true }, datasets: { some: { name: { eq: \"TruthfulQA\" } } } }, order: [{ title: ASC }]) { totalCount nodes { title } } }")]
    [InlineData("{ authors(first: 5, where: { papers: { some: { year: { eq: 2020 }, title: { startsWith: \"Learning\" } } } }) { totalCount nodes { name } } }")]
    public async Task ASomeFilterStartsFromTheMatchingRowsInsteadOfTestingEveryOwner(string query)
    {
        // Asked as a correlated EXISTS, "papers using this dataset" tested every paper of the corpus, for the page and
        // again for its totalCount (36 ms and 5 ms at 10k papers); as an IN list it starts from the dataset's rows.
        var statements = await corpus.RunAsync(query, null, "");

        var statement = Assert.Single(statements);
        Assert.Contains(" IN (SELECT ", statement.Sql, StringComparison.Ordinal);
        Assert.Empty(corpus.WholeTableReads(statement));
    }

    private static string GlobalId(string type, int id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    private static string Excerpt(string sql) => sql.Length <= 400 ? sql : sql[..400] + "…";

    /// <summary>A statement the API ran, with its parameters; <paramref name="IsRootList"/> when it is a root list's plan.</summary>
    public sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters, bool IsRootList);

    /// <summary>
    /// The API over a generated corpus, recording each statement it runs (with its parameters) and each plan it builds;
    /// requests go one at a time, so what is recorded between two belongs to the one in between.
    /// </summary>
    public sealed partial class CorpusApi : IPlanObserver, IAsyncLifetime
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-plans", Guid.NewGuid().ToString("N"));
        private readonly ConcurrentQueue<Func<IModel, SqlDialect, CompiledStatement>> _plans = new();
        private readonly ConcurrentQueue<Statement> _statements = new();
        private SqliteTestDatabase? _database;
        private Host? _host;
        private HttpClient? _client;
        private IModel? _model;
        private readonly HashSet<string> _growing = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _viewAliases = new(StringComparer.OrdinalIgnoreCase);
        private string _arxivId = "";
        private (int Id, string Name) _author = (0, "");

        public async ValueTask InitializeAsync()
        {
            CorpusGenerator.Write(new CorpusOptions { Papers = CorpusPapers, Seed = 17 }, _directory);
            _database = await SqliteTestDatabase.CreateAsync();
            await _database.CreateImporter().ImportAsync(_directory);
            await using (var db = _database.CreateContext())
            {
                // Statistics, as a database that has served a while has them: the planner's choices depend on them.
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
                _model = db.Model;
                // Every table and view of the file (a view's own FROM clause names what EXPLAIN shows inside it).
                var objects = await db.Database.SqlQueryRaw<SchemaObject>(
                    "SELECT name AS Name, type AS Type, sql AS Sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'").ToListAsync();
                foreach (var item in objects)
                {
                    // Names from the database's own catalog, not input.
                    var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + item.Name + "\"";
                    var rows = await db.Database.SqlQueryRaw<long>(count).SingleAsync();
                    if (rows >= GrowingRows) _growing.Add(item.Name);
                    if (item.Type == "view" && item.Sql is { } definition)
                    {
                        foreach (var (alias, table) in Aliases(definition)) _viewAliases.TryAdd(alias, table);
                    }
                }

                // Peer query a asks for the paper with the longest byline, c for the author with the most papers.
                _arxivId = await db.Papers.Where(p => p.ArxivId != null).OrderByDescending(p => p.Authors.Count).ThenBy(p => p.Id).Select(p => p.ArxivId!).FirstAsync();
                var author = await db.Authors.OrderByDescending(a => a.PaperCount).ThenBy(a => a.Id).Select(a => new { a.Id, a.Name }).FirstAsync();
                _author = (author.Id, author.Name);
            }

            Assert.Contains("Coauthorships", _growing);
            _host = new Host(_database, services =>
            {
                services.AddSingleton<IPlanObserver>(this);
                _database.AddInterceptor(services, new Recorder(_statements));
            });
            _client = _host.CreateClient();
        }

        void IPlanObserver.Planned(IReadOnlyList<ListPlan> plans, Func<IModel, SqlDialect, CompiledStatement> compile) => _plans.Enqueue(compile);

        /// <summary>Every catalog entry: name, operation, variables, and the operation giving its cursor variables.</summary>
        public IEnumerable<(string Name, string Query, JsonNode? Variables, string Cursors)> Catalog()
        {
            foreach (var (name, shape) in PlanTSqlTests.Catalog)
                yield return ($"PlanTSqlTests {name}", shape.Query, null, shape.Cursors);
            foreach (var row in PlannedReadTests.Shapes)
            {
                var (shape, query) = row.Data;
                yield return ($"PlannedReadTests {shape}", query, null, "");
            }

            // d pages after a cursor of the corpus (RunAsync passes it as $after).
            foreach (var query in PeerQuery.All(_arxivId, _author, "", "", ""))
            {
                var variables = query.Key == "d" || query.OursVariables is null ? null : JsonNode.Parse(query.OursVariables);
                yield return ($"peer {query.Key} ({query.Title})", query.Ours, variables, query.Key == "d" ? "{ papers(first: 100) { pageInfo { endCursor } } }" : "");
            }

            // Fuzzed documents from a fixed sequence of choices: the shapes nobody wrote down.
            var schema = _host!.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            var random = new Random(17);
            for (var i = 0; i < 150; i++)
            {
                var choices = Enumerable.Range(0, 64).Select(_ => random.Next()).ToArray();
                yield return ($"fuzz {i}", new QueryBuilder(schema, choices).Build(), null, "");
            }
        }

        /// <summary>The answer to the last operation <see cref="RunAsync"/> ran.</summary>
        public JsonNode? LastResponse { get; private set; }

        /// <summary>
        /// The plan lines of <paramref name="statement"/> that read a whole table growing with the corpus, at any level:
        /// for statements meant to read a few keys' rows (a path search's frontier) even once is too much.
        /// </summary>
        public List<string> WholeTableReads(Statement statement)
        {
            var tables = Aliases(statement.Sql);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_database!.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
            foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            var found = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var detail = reader.GetString(3);
                if ((Scan().Match(detail) is { Success: true } scan && !detail.Contains("VIRTUAL TABLE", StringComparison.Ordinal) && Growing(tables, scan.Groups[1].Value) is not null)
                    || (Automatic().Match(detail) is { Success: true } automatic && Growing(tables, automatic.Groups[1].Value) is not null))
                    found.Add(detail);
            }

            return found;
        }

        /// <summary>Runs one operation (its cursor query first) and returns the statements it ran.</summary>
        public async Task<List<Statement>> RunAsync(string query, JsonNode? variables, string cursors)
        {
            if (cursors.Length > 0)
            {
                var cursorData = await PostAsync(cursors, null);
                if (cursorData?["data"] is JsonObject data)
                {
                    // PlanTSqlTests' shapes take {alias}After/{alias}Before; peer query d takes $after.
                    var found = PlanTSqlTests.Host.CursorVariables(data);
                    variables ??= new JsonObject();
                    foreach (var (key, value) in found) variables[key] = (string?)value;
                    variables["after"] = (string?)found.GetValueOrDefault("papersAfter");
                }
            }

            _plans.Clear();
            _statements.Clear();
            LastResponse = await PostAsync(query, variables);
            var roots = _plans.Select(compile => compile(_model!, SqlDialect.Sqlite).Sql).ToHashSet(StringComparer.Ordinal);
            return [.. _statements.Select(s => s with { IsRootList = roots.Contains(s.Sql) })];
        }

        private async Task<JsonNode?> PostAsync(string query, JsonNode? variables)
        {
            using var request = ApiFactory.GraphQLRequest(query, variables);
            using var response = await _client!.SendAsync(request);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }

        /// <summary>The plan lines of <paramref name="statement"/> that break the rule, and why.</summary>
        public List<(string Line, string Why)> Violations(Statement statement, out bool perParent)
        {
            var found = new List<(string, string)>();
            perParent = false;
            var sql = statement.Sql.TrimStart();
            if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)) return found;
            var tables = Aliases(statement.Sql);
            foreach (var (alias, table) in _viewAliases) tables.TryAdd(alias, table);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_database!.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
            foreach (var (name, value) in statement.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            var nodes = new Dictionary<long, (long Parent, string Detail)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read()) nodes[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetString(3));
            }

            foreach (var (id, (_, detail)) in nodes)
            {
                if (!PerParent(nodes, id)) continue;
                perParent = true;
                if (detail.StartsWith("USE TEMP B-TREE FOR GROUP BY", StringComparison.Ordinal))
                {
                    found.Add((detail, "an aggregate computed once per parent row"));
                    continue;
                }

                var scan = Scan().Match(detail);
                if (scan.Success && !detail.Contains("VIRTUAL TABLE", StringComparison.Ordinal) && Growing(tables, scan.Groups[1].Value) is { } scanned)
                    found.Add((detail, $"reads all of {scanned} once per parent row"));
                var automatic = Automatic().Match(detail);
                if (automatic.Success && Growing(tables, automatic.Groups[1].Value) is { } indexed)
                    found.Add((detail, $"indexes all of {indexed} for the per-parent reads"));
            }

            return found;
        }

        private string? Growing(Dictionary<string, string> aliases, string name)
        {
            var table = aliases.GetValueOrDefault(name, name);
            return _growing.Contains(table) ? table : null;
        }

        /// <summary>Whether the plan node or one above it runs per row of an outer query.</summary>
        private static bool PerParent(Dictionary<long, (long Parent, string Detail)> nodes, long id)
        {
            for (var at = id; nodes.TryGetValue(at, out var node); at = node.Parent)
            {
                if (node.Detail.StartsWith("CORRELATED ", StringComparison.Ordinal)) return true;
                if (node.Parent == at) break;
            }

            return false;
        }

        /// <summary>alias → table, from the FROM and JOIN clauses (EXPLAIN names a table by its alias).</summary>
        private static Dictionary<string, string> Aliases(string sql)
        {
            var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match m in TableReference().Matches(sql))
                aliases[m.Groups[2].Value] = m.Groups[1].Value;
            return aliases;
        }

        [GeneratedRegex("""(?:FROM|JOIN)\s+"?(\w+)"?(?:\s+AS)?\s+"?(\w+)"?""", RegexOptions.IgnoreCase)]
        private static partial Regex TableReference();

        [GeneratedRegex(@"^SCAN (\w+)")]
        private static partial Regex Scan();

        [GeneratedRegex(@"^(?:SEARCH|SCAN) (\w+) USING AUTOMATIC")]
        private static partial Regex Automatic();

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_host is not null) await _host.DisposeAsync();
            if (_database is not null) await _database.DisposeAsync();
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed record SchemaObject(string Name, string Type, string? Sql);

    /// <summary>The API as the suite's factory configures it, over the corpus database.</summary>
    private sealed class Host(TestDatabase database, Action<IServiceCollection> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:RlhfGraph", database.ConnectionString);
            builder.UseSetting("Database:InitializeOnStartup", "false");
            builder.UseSetting("RateLimits:Budget", "2000000000");
            builder.ConfigureServices(configure);
        }
    }

    /// <summary>The text and parameters of every query the API runs.</summary>
    private sealed class Recorder(ConcurrentQueue<Statement> statements) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        private void Record(DbCommand command) =>
            statements.Enqueue(new Statement(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value))], false));
    }
}
