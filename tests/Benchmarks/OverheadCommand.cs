using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `overhead --db FILE [--rounds R] [--seconds S] [--concurrency C]`: requests/s of /graphql for the dashboard
/// query against the hand-written baseline returning the same JSON, in alternating rounds of one session,
/// same database, same concurrency, loopback only and bounded in time.
/// </summary>
internal static class OverheadCommand
{
    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A seeded SQLite file.", Required = true };
        var roundsOption = new Option<int>("--rounds") { Description = "Rounds; each measures both endpoints, alternating which goes first.", DefaultValueFactory = _ => 6 };
        var secondsOption = new Option<double>("--seconds") { Description = "Seconds per endpoint per round.", DefaultValueFactory = _ => 5 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Requests in flight.", DefaultValueFactory = _ => 8 };
        var command = new Command("overhead", "GraphQL throughput against hand-written SQL for the same JSON.") { dbOption, roundsOption, secondsOption, concurrencyOption };
        command.SetAction(async result =>
        {
            var database = new SqliteFile(result.GetValue(dbOption)!);
            var rounds = result.GetValue(roundsOption);
            var seconds = Math.Min(30, result.GetValue(secondsOption));
            var concurrency = Math.Clamp(result.GetValue(concurrencyOption), 1, 64);
            using var server = new BenchmarkServer(database);

            var graphQLBody = BenchmarkServer.Body(BaselineEndpoint.Query, null);
            var (graphQL, statements) = await server.GraphQLAsync(BaselineEndpoint.Query);
            var baseline = await server.Client.GetStringAsync(BaselineEndpoint.Path);
            if (!JsonNode.DeepEquals(JsonNode.Parse(graphQL), JsonNode.Parse(baseline)))
                throw new InvalidOperationException("The baseline does not return the same JSON as /graphql; fix it before comparing.");
            Console.WriteLine($"{database.Path}: {await QueriesCommand.PaperCountAsync(server)} papers; same JSON ({graphQL.Length} bytes from /graphql in {statements} statements, {baseline.Length} from the baseline in 4)");
            Console.WriteLine($"{rounds} rounds x {seconds} s per endpoint, {concurrency} in flight, {Environment.ProcessorCount} cores");

            var samples = new Dictionary<string, (List<double> Rps, List<double> Latencies)> { ["graphql"] = ([], []), ["baseline"] = ([], []) };
            Func<HttpClient, Task<HttpResponseMessage>> postGraphQL = c => c.PostAsync("/graphql", new StringContent(graphQLBody, Encoding.UTF8, "application/json"));
            Func<HttpClient, Task<HttpResponseMessage>> getBaseline = c => c.GetAsync(BaselineEndpoint.Path);
            for (var round = 0; round < rounds + 1; round++)
            {
                var order = round % 2 == 0 ? new[] { "graphql", "baseline" } : ["baseline", "graphql"];
                foreach (var name in order)
                {
                    // Round 0 warms both up (JIT, pools, page cache) and is not counted.
                    var load = await LoadTest.RunAsync(server.Client, name == "graphql" ? postGraphQL : getBaseline, concurrency, round == 0 ? 2 : seconds);
                    var (rps, latencies) = (load.RequestsPerSecond, load.Latencies);
                    if (round == 0) continue;
                    samples[name].Rps.Add(rps);
                    samples[name].Latencies.AddRange(latencies);
                    Console.WriteLine($"  round {round} {name,-8} {F(rps, 0),7} req/s  p50 {F(Median(latencies), 2)} ms  p99 {F(Percentile(latencies, 99), 2)} ms");
                }
            }

            Console.WriteLine();
            foreach (var (name, (rps, latencies)) in samples)
                Console.WriteLine($"{name,-8} median {F(Median(rps), 0)} req/s, p50 {F(Median(latencies), 2)} ms, p99 {F(Percentile(latencies, 99), 2)} ms");
            var ratios = samples["graphql"].Rps.Zip(samples["baseline"].Rps, (g, b) => g / b).ToList();
            Console.WriteLine($"graphql / baseline throughput: {F(Median(samples["graphql"].Rps) / Median(samples["baseline"].Rps), 2)} (per round: {string.Join(", ", ratios.Select(r => F(r, 2)))})");
            return 0;
        });
        return command;
    }
}
