using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Sql;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Providers;

/// <summary>
/// The one-statement read path on SQL Server, kept honest without a SQL Server: every plan a catalog of operations
/// builds (sent over HTTP to the seeded SQLite API, where it runs for real) is compiled for SQL Server against the
/// SQL Server model and parsed by Microsoft's own T-SQL parser (TSql160Parser): one SELECT, zero errors, and none of
/// the shapes SQL Server rejects only when it binds (ORDER BY in a subquery without TOP, a nested FOR JSON not kept
/// JSON by JSON_QUERY). The catalog is the query files, the README's operations, the single-object entry points and every
/// filter, list filter, order, paging and nesting shape the compiler has.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed partial class PlanTSqlTests(PlanTSqlTests.Host host) : IClassFixture<PlanTSqlTests.Host>
{
    private static readonly string[] RootPlanned = ["papers", "authors", "codebases", "datasets", "keywords", "paperByArxivId", "node", "nodes", "search", "autocomplete", "authorPath", "sources"];

    /// <summary>Also explained on a larger corpus by the query plan guard (Planning/QueryPlanTests).</summary>
    internal static readonly Dictionary<string, Shape> Catalog = BuildCatalog();

    public static TheoryData<string> Shapes => [.. Catalog.Keys];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task EveryPlanShapeCompilesToTSqlThatParses(string shape)
    {
        var (query, cursors) = Catalog[shape];
        var plans = await host.RunAsync(query, cursors);

        // Each root list is one statement; each single-object field (and each level of related papers) one more.
        Assert.True(plans.Count >= RootPlannedFields(query), $"{plans.Count} planned statements");
        foreach (var (statement, ranOnSqlite) in plans)
        {
            // The plans ran as one statement on SQLite (the answer came from it)…
            Assert.True(ranOnSqlite, "the plan's SQLite statement did not run");
            // …and the same plans are one SELECT on SQL Server, with the same parameters.
            var tsql = statement.Compile(host.SqlServerModel, SqlDialect.SqlServer);
            Assert.Equal(statement.Compile(host.SqliteModel, SqlDialect.Sqlite).Parameters.Count, tsql.Parameters.Count);
            AssertIsOneSelectSqlServerAccepts(tsql);
            // Every nested level also runs on its own for a batch of parents when it is read outside a plan.
            foreach (var (child, parentType) in statement.Plans.SelectMany(Nested))
                AssertIsOneSelectSqlServerAccepts(PlanCompiler.CompileBatch(child, host.SqlServerModel, SqlDialect.SqlServer, parentType, [1, 2, 3]));
        }
    }

    private static IEnumerable<(ListPlan Plan, Type ParentType)> Nested(ListPlan plan)
    {
        foreach (var child in plan.Children)
        {
            yield return (child.Plan, plan.List.Source.Node.ReturnType);
            foreach (var deeper in Nested(child.Plan)) yield return deeper;
        }
    }

    [Fact]
    public void TheCatalogCoversEveryQueryFileAndReadmeOperation()
    {
        var files = Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql");
        Assert.All(files, f => Assert.Contains($"file {Path.GetFileName(f)}", Catalog.Keys));
        Assert.Equal(RepositoryFiles.ReadmeQueries().Count, Catalog.Keys.Count(k => k.StartsWith("README ", StringComparison.Ordinal)));
        Assert.True(Catalog.Count >= 150, $"only {Catalog.Count} shapes");
    }

    private static void AssertIsOneSelectSqlServerAccepts(CompiledStatement statement)
    {
        var sql = statement.Sql;
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))}\n{sql}");

        var script = Assert.IsType<TSqlScript>(fragment);
        var batch = Assert.Single(script.Batches);
        var select = Assert.IsType<SelectStatement>(Assert.Single(batch.Statements));
        Assert.Null(select.Into);

        var rules = new BindTimeRules(((QuerySpecification)select.QueryExpression).ForClause is null ? select.QueryExpression : null);
        fragment.Accept(rules);
        Assert.True(rules.Violations.Count == 0, $"{string.Join("; ", rules.Violations)}\n{sql}");

        // The text names exactly the parameters the statement binds: none missing, none bound and unused (each one
        // counts against SQL Server's 2,100).
        var named = ParameterName().Matches(sql).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(Enumerable.Range(0, statement.Parameters.Count), named.Order());
    }

    /// <summary>What the parser accepts but SQL Server refuses (or answers wrongly) when it binds the statement.</summary>
    private sealed class BindTimeRules(QueryExpression? outermost) : TSqlFragmentVisitor
    {
        public List<string> Violations { get; } = [];

        public override void Visit(QuerySpecification node)
        {
            // ORDER BY is invalid in a subquery unless TOP, OFFSET or FOR XML/JSON also is.
            if (node.OrderByClause is not null && !ReferenceEquals(node, outermost) && node.TopRowFilter is null && node.OffsetClause is null && node.ForClause is null)
                Violations.Add($"ORDER BY without TOP in a subquery at line {node.StartLine}, column {node.StartColumn}");
            if (node.ForClause is JsonForClause)
            {
                foreach (var element in node.SelectElements.OfType<SelectScalarExpression>())
                {
                    // A FOR JSON subquery inside FOR JSON is text, escaped as a string, unless JSON_QUERY says it is JSON.
                    if (IsForJson(Unwrap(element.Expression)))
                        Violations.Add($"nested FOR JSON without JSON_QUERY as {element.ColumnName?.Value} at line {element.StartLine}, column {element.StartColumn}");
                }
            }

            base.Visit(node);
        }

        private static ScalarExpression Unwrap(ScalarExpression expression) => expression switch
        {
            ParenthesisExpression p => Unwrap(p.Expression),
            FunctionCall { FunctionName.Value: var name, Parameters: [var inner, ..] } when name.Equals("ISNULL", StringComparison.OrdinalIgnoreCase) || name.Equals("COALESCE", StringComparison.OrdinalIgnoreCase) => Unwrap(inner),
            _ => expression,
        };

        private static bool IsForJson(ScalarExpression expression) =>
            expression is ScalarSubquery { QueryExpression: QuerySpecification { ForClause: JsonForClause } };
    }

    /// <summary>Root fields of the operation (through fragments) that plan a statement: lists, and single objects when found.</summary>
    private static int RootPlannedFields(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        return Count(operation.SelectionSet);

        int Count(GraphQLSelectionSet set) => set.Selections.Sum(s => s switch
        {
            GraphQLField f => RootPlanned.Contains(f.Name.StringValue) ? 1 : 0,
            GraphQLInlineFragment i => Count(i.SelectionSet),
            GraphQLFragmentSpread spread => Count(fragments[spread.FragmentName.Name.StringValue].SelectionSet),
            _ => 0,
        });
    }

    [GeneratedRegex(@"@p(\d+)\b")]
    private static partial Regex ParameterName();

    /// <summary>The plans of one statement and how to write it for a model and database.</summary>
    internal sealed record Planned(IReadOnlyList<ListPlan> Plans, Func<IModel, SqlDialect, CompiledStatement> Compile);

    /// <summary>An operation, and a query whose page infos give its cursor variables (empty when it has none).</summary>
    internal sealed record Shape(string Query, string Cursors);

    /// <summary>
    /// The API with a plan observer and a log of the SQLite statements it ran, shared by the cases (one host, not one
    /// per case); requests are sent one at a time, so what is captured between two belongs to the one in between.
    /// </summary>
    public sealed class Host(SqliteApiFactory api) : IPlanObserver, IAsyncLifetime
    {
        private readonly ConcurrentQueue<Planned> _plans = new();
        private readonly ConcurrentQueue<string> _sqlite = new();
        private readonly SemaphoreSlim _gate = new(1, 1);
        private WebApplicationFactory<Program>? _factory;
        private HttpClient? _client;
        private TSqlCapture? _sqlServer;

        public IModel SqlServerModel { get; private set; } = null!;

        public IModel SqliteModel { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            _factory = api.WithWebHostBuilder(b => b.ConfigureServices(s =>
            {
                s.AddSingleton<IPlanObserver>(this);
                api.Database.AddInterceptor(s, new StatementLog(_sqlite));
            }));
            _client = _factory.CreateClient();
            _sqlServer = new TSqlCapture();
            using (var db = _sqlServer.CreateContext()) SqlServerModel = db.Model;
            using (var db = api.Database.CreateContext()) SqliteModel = db.Model;
            return ValueTask.CompletedTask;
        }

        void IPlanObserver.Planned(IReadOnlyList<ListPlan> plans, Func<IModel, SqlDialect, CompiledStatement> compile) => _plans.Enqueue(new Planned(plans, compile));

        /// <summary>Runs <paramref name="query"/> (its cursors read first), and returns its statements' plans and whether each one's SQLite statement ran.</summary>
        internal async Task<List<(Planned Statement, bool RanOnSqlite)>> RunAsync(string query, string cursors)
        {
            await _gate.WaitAsync();
            try
            {
                var variables = cursors.Length == 0 ? null : CursorVariables((await PostAsync(cursors, null)).Data);
                _plans.Clear();
                _sqlite.Clear();
                await PostAsync(query, variables);
                var ran = _sqlite.ToHashSet(StringComparer.Ordinal);
                return [.. _plans.Select(p => (p, ran.Contains(p.Compile(SqliteModel, SqlDialect.Sqlite).Sql)))];
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<GraphQLResponse> PostAsync(string query, Dictionary<string, object?>? variables)
        {
            using var request = ApiFactory.GraphQLRequest(query, variables);
            return (await api.SendAsync(request, _client)).ShouldSucceed();
        }

        /// <summary>{alias}After and {alias}Before: the first end and start cursors under each root alias of the cursor query.</summary>
        internal static Dictionary<string, object?> CursorVariables(JsonNode data)
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (alias, value) in data.AsObject())
            {
                variables[$"{alias}After"] = First(value, "endCursor") ?? throw new InvalidOperationException($"No endCursor under {alias}.");
                variables[$"{alias}Before"] = First(value, "startCursor");
            }

            return variables;
        }

        private static string? First(JsonNode? node, string name) => node switch
        {
            JsonObject o when o[name] is JsonValue v => (string?)v,
            JsonObject o => o.Select(p => First(p.Value, name)).FirstOrDefault(c => c is not null),
            JsonArray a => a.Select(i => First(i, name)).FirstOrDefault(c => c is not null),
            _ => null,
        };

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_factory is not null) await _factory.DisposeAsync();
            _gate.Dispose();
        }
    }

    /// <summary>The text of every command the API runs on SQLite.</summary>
    private sealed class StatementLog(ConcurrentQueue<string> texts) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
