using System.CommandLine;
using System.Diagnostics;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `queries --db FILE [--runs N]`: every tests/queries/*.graphql, the nested example of the GraphQL issue and the
/// dashboard query against one database, over loopback HTTP: median and p90 latency and SQL statements per request.
/// </summary>
internal static class QueriesCommand
{
    /// <summary>The nested example of the GraphQL issue (also in StatementCountTests), at 50 papers.</summary>
    public const string NestedExample = """
        query ($n: Int!) {
          papers(first: $n) {
            nodes {
              title
              authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } }
              codebases { nodes { url } }
              datasets { nodes { name } }
            }
          }
        }
        """;

    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A seeded SQLite file (see `import --keep`).", Required = true };
        var runsOption = new Option<int>("--runs") { Description = "Timed requests per query (after 2 warm-ups).", DefaultValueFactory = _ => 30 };
        var queriesOption = new Option<string>("--queries") { Description = "Folder of .graphql files.", DefaultValueFactory = _ => Path.Combine("tests", "queries") };
        var command = new Command("queries", "Latency and SQL statements per request of the catalog queries.") { dbOption, runsOption, queriesOption };
        command.SetAction(async result =>
        {
            var database = new SqliteFile(result.GetValue(dbOption)!);
            var runs = result.GetValue(runsOption);
            var queries = Directory.GetFiles(result.GetValue(queriesOption)!, "*.graphql").Order(StringComparer.Ordinal)
                .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Query: File.ReadAllText(f), Variables: (string?)null))
                .Append(("nested-example (n=50)", NestedExample, "{\"n\":50}"))
                .Append(("dashboard (50 papers)", BaselineEndpoint.Query, null))
                .ToList();

            using var server = new BenchmarkServer(database);
            Console.WriteLine($"{database.Path}: {await PaperCountAsync(server)} papers; {runs} runs each, median / p90 ms, SQL statements per request");
            Console.WriteLine($"{"query",-34} {"median",8} {"p90",8} {"stmts",6} {"bytes",8}");
            foreach (var (name, query, variables) in queries)
            {
                try
                {
                    await server.GraphQLAsync(query, variables);
                }
                catch (InvalidOperationException e)
                {
                    // e.g. the execution timeout (Limits) on a query that scans: reported, not retried.
                    Console.WriteLine($"{name,-34} failed: {e.Message[..Math.Min(160, e.Message.Length)]}");
                    continue;
                }

                await server.GraphQLAsync(query, variables);
                var times = new List<double>(runs);
                var statements = new HashSet<int>();
                var bytes = 0;
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var (body, count) = await server.GraphQLAsync(query, variables);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    statements.Add(count);
                    bytes = body.Length;
                }

                Console.WriteLine($"{name,-34} {F(Median(times), 2),8} {F(Percentile(times, 90), 2),8} {string.Join("/", statements.Order()),6} {bytes,8}");
            }

            return 0;
        });
        return command;
    }

    public static async Task<int> PaperCountAsync(BenchmarkServer server)
    {
        var (body, _) = await server.GraphQLAsync("{ papers(first: 1) { totalCount } }");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("papers").GetProperty("totalCount").GetInt32();
    }
}
