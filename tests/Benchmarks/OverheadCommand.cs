using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using RlhfGraph.Benchmarks.Peer;
using RlhfGraph.Benchmarks.Servers;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `overhead --db FILE [--rounds 5] [--seconds 8] [--connections 8]`: requests/s of /graphql for the dashboard query
/// against the hand-written baseline returning the same JSON, both served by our API in a process of its own
/// (`serve`) and driven by wrk from another; warm-up until stable, then alternating rounds (see <see cref="Rounds"/>).
/// </summary>
internal static class OverheadCommand
{
    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A seeded SQLite file.", Required = true };
        var roundsOption = new Option<int>("--rounds") { Description = "Rounds; each measures both endpoints, alternating which goes first.", DefaultValueFactory = _ => 5 };
        var secondsOption = new Option<double>("--seconds") { Description = "Seconds per endpoint per round.", DefaultValueFactory = _ => 8 };
        var connectionsOption = new Option<int>("--connections", "--concurrency") { Description = "Requests in flight (wrk connections).", DefaultValueFactory = _ => 8 };
        var warmupSecondsOption = new Option<double>("--warmup-seconds") { Description = "Seconds per warm-up run.", DefaultValueFactory = _ => 4 };
        var warmupCapOption = new Option<int>("--warmup-cap") { Description = "Most warm-up runs per endpoint before measuring anyway (reported).", DefaultValueFactory = _ => 8 };
        var command = new Command("overhead", "GraphQL throughput against hand-written SQL for the same JSON, driven by wrk from its own process.")
        {
            dbOption, roundsOption, secondsOption, connectionsOption, warmupSecondsOption, warmupCapOption,
        };
        command.SetAction(async (result, cancel) =>
        {
            var database = new SqliteFile(result.GetValue(dbOption)!);
            var settings = new Rounds.Settings(
                Math.Max(1, result.GetValue(roundsOption)),
                Math.Clamp(result.GetValue(secondsOption), 1, 60),
                Math.Clamp(result.GetValue(connectionsOption), 1, 64),
                Math.Clamp(result.GetValue(warmupSecondsOption), 1, 30),
                Math.Clamp(result.GetValue(warmupCapOption), 2, 20));
            var folder = Directory.CreateTempSubdirectory("rlhf-overhead-").FullName;
            try
            {
                Console.WriteLine($"load before: {LoadAverage.Describe()}; {Environment.ProcessorCount} cores");
                var wrk = await Wrk.FindOrInstallAsync(folder);
                using var server = await ServerProcess.StartOursAsync(database);

                var graphQLBody = BenchmarkServer.Body(BaselineEndpoint.Query, null);
                using var content = new StringContent(graphQLBody, Encoding.UTF8, "application/json");
                using var response = await server.Client.PostAsync("/graphql", content);
                var graphQL = await response.Content.ReadAsStringAsync(cancel);
                var baseline = await server.Client.GetStringAsync(BaselineEndpoint.Path, cancel);
                if (!JsonNode.DeepEquals(JsonNode.Parse(graphQL), JsonNode.Parse(baseline)))
                    throw new InvalidOperationException($"The baseline does not return the same JSON as /graphql; fix it before comparing.\n/graphql ({(int)response.StatusCode}): {graphQL[..Math.Min(400, graphQL.Length)]}\nbaseline: {baseline[..Math.Min(400, baseline.Length)]}");
                Console.WriteLine($"{database.Path}: same JSON ({graphQL.Length} bytes from /graphql, {baseline.Length} from the baseline's 4 statements); server pid {server.ProcessId}, wrk from its own process");

                var contenders = new List<Rounds.Contender>
                {
                    new("graphql", wrk.Prepare(new Uri(server.Url, "/graphql"), graphQLBody), server.CpuRoots),
                    new("baseline", wrk.Prepare(new Uri(server.Url, BaselineEndpoint.Path), null), server.CpuRoots),
                };
                var outcome = await Rounds.MeasureAsync(wrk, "dashboard", contenders, settings, cancel);

                Console.WriteLine();
                var loads = outcome.Runs.Select(r => r.LoadAverage).ToList();
                foreach (var name in (string[])["graphql", "baseline"])
                {
                    var runs = outcome.Of(name).ToList();
                    Console.WriteLine($"{name,-8} median {F(outcome.MedianRps(name), 0)} req/s, p50 {F(Median([.. runs.Select(r => r.Load.P50Ms)]), 2)} ms, "
                        + $"p99 {F(Median([.. runs.Select(r => r.Load.P99Ms)]), 2)} ms, server CPU {F(outcome.MedianCpu(name), 2)} ms/request");
                }

                var ratios = outcome.Ratios("graphql", "baseline");
                Console.WriteLine($"graphql ÷ baseline throughput: {Rounds.Range(ratios)} (per round: {string.Join(", ", ratios.Select(r => F(r, 2)))}); "
                    + $"CPU per request, baseline ÷ graphql: {F(outcome.MedianCpu("baseline") / outcome.MedianCpu("graphql"), 2)}");
                Console.WriteLine($"load average (1 min) during the rounds: {F(loads.Min(), 1)}–{F(loads.Max(), 1)}; after: {LoadAverage.Describe()}");
                return 0;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }
}
