using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `paging --db FILE [--runs N]`: the page at 90 % depth, reached by walking cursors, against the first page,
/// measured alternately in one session, in the default order and in a sorted one.
/// </summary>
internal static class PagingCommand
{
    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A seeded SQLite file.", Required = true };
        var runsOption = new Option<int>("--runs") { Description = "Timed requests per page.", DefaultValueFactory = _ => 40 };
        var command = new Command("paging", "Deep keyset paging against the first page.") { dbOption, runsOption };
        command.SetAction(async result =>
        {
            var database = new SqliteFile(result.GetValue(dbOption)!);
            var runs = result.GetValue(runsOption);
            using var server = new BenchmarkServer(database);
            var total = await QueriesCommand.PaperCountAsync(server);
            Console.WriteLine($"{database.Path}: {total} papers; page of 50 at 90 % depth vs the first page, {runs} alternating runs each");
            foreach (var order in (string[])["", "order: [{ year: DESC }, { title: ASC }]", "order: [{ citationCount: DESC }]"])
            {
                var cursor = await CursorAtAsync(server, order, (int)(total * 0.9));
                var page = $"query ($after: String) {{ papers(first: 50, after: $after{(order.Length > 0 ? ", " : "")}{order}) {{ nodes {{ title year }} pageInfo {{ hasNextPage endCursor }} }} }}";
                var first = new List<double>();
                var deep = new List<double>();
                var deepStatements = 0;
                for (var i = 0; i < runs + 3; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await server.GraphQLAsync(page, "{\"after\":null}");
                    if (i >= 3) first.Add(clock.Elapsed.TotalMilliseconds);
                    clock.Restart();
                    (_, deepStatements) = await server.GraphQLAsync(page, $"{{\"after\":{JsonSerializer.Serialize(cursor)}}}");
                    if (i >= 3) deep.Add(clock.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"  {(order.Length == 0 ? "default order (id)" : order),-44} first {F(Median(first), 2)} ms, at 90 % {F(Median(deep), 2)} ms, "
                    + $"ratio {F(Median(deep) / Median(first), 2)}, {deepStatements} statements");
            }

            return 0;
        });
        return command;
    }

    // Walks the connection 100 at a time, as a client would, selecting only the cursor.
    internal static async Task<string?> CursorAtAsync(BenchmarkServer server, string order, int depth)
    {
        var walk = $"query ($after: String) {{ papers(first: 100, after: $after{(order.Length > 0 ? ", " : "")}{order}) {{ pageInfo {{ endCursor }} }} }}";
        string? cursor = null;
        for (var seen = 0; seen < depth; seen += 100)
        {
            var (body, _) = await server.GraphQLAsync(walk, $"{{\"after\":{JsonSerializer.Serialize(cursor)}}}");
            using var json = JsonDocument.Parse(body);
            cursor = json.RootElement.GetProperty("data").GetProperty("papers").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        return cursor;
    }
}
