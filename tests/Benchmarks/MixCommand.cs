using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RlhfGraph.Benchmarks.Peer;
using RlhfGraph.Benchmarks.Servers;
using RlhfGraph.LoadTest;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `mix --baseline-commit SHA [--corpus DIR] [--rounds 3] [--requests 20000] [--concurrency 64]`: the tests/LoadTest
/// mix (the tests/queries catalog, round robin) against a Release build of an earlier commit and of the working tree,
/// side by side in alternating rounds, on the default seeded database and on a generated corpus. Each build is its own
/// API process (`dotnet RlhfGraph.Api.dll`, Production settings) over a database it imported itself from the same
/// lists, so a schema change between the two cannot skew either; the load comes from this process. A throughput
/// regression is one command to see. The earlier commit is exported with `git archive` into a temporary folder
/// (<c>rlhf-mix-baseline-SHA</c>, kept between runs so its build is made once).
/// </summary>
internal static class MixCommand
{
    private const string Current = "current";

    public static Command Create()
    {
        var baselineOption = new Option<string>("--baseline-commit") { Description = "The commit to compare with (any name git knows: a sha, a tag, a branch).", Required = true };
        var corpusOption = new Option<string?>("--corpus") { Description = "A folder made by `generate` (lists + sources.json), imported by each build for the second database; without it only the seeded database is measured." };
        var roundsOption = new Option<int>("--rounds") { Description = "Measured rounds per database; each runs both builds, alternating which goes first.", DefaultValueFactory = _ => 3 };
        var requestsOption = new Option<int>("--requests") { Description = "Requests per build per round (the mix, round robin).", DefaultValueFactory = _ => 20_000 };
        var concurrencyOption = new Option<int>("--concurrency") { Description = "Requests in flight.", DefaultValueFactory = _ => 64 };
        var command = new Command("mix", "The LoadTest mix against a build of an earlier commit and the working tree, side by side.")
        {
            baselineOption, corpusOption, roundsOption, requestsOption, concurrencyOption,
        };
        command.SetAction(async (result, cancel) =>
        {
            var apiDirectory = BenchmarkServer.ApiDirectory();
            var repository = Path.GetFullPath(Path.Combine(apiDirectory, "..", ".."));
            var corpus = result.GetValue(corpusOption) is { } c ? Path.GetFullPath(c) : null;
            if (corpus is not null && !File.Exists(Path.Combine(corpus, "sources.json")))
            {
                Console.Error.WriteLine($"mix: {corpus} has no sources.json; make it with `generate --papers N --out DIR --with-lists seed`.");
                return 1;
            }

            var rounds = Math.Max(1, result.GetValue(roundsOption));
            var requests = Math.Clamp(result.GetValue(requestsOption), 100, 200_000);
            var concurrency = Math.Clamp(result.GetValue(concurrencyOption), 1, 256);
            var baselineCommit = result.GetValue(baselineOption)!;
            var folder = Directory.CreateTempSubdirectory("rlhf-mix-").FullName;
            try
            {
                Console.WriteLine($"load before: {LoadAverage.Describe()}; {Environment.ProcessorCount} cores; temporary folder {folder}");
                var sha = (await ExternalProcess.RunAsync("git", ["-C", repository, "rev-parse", "--verify", baselineCommit + "^{commit}"])).Trim();
                var head = (await ExternalProcess.RunAsync("git", ["-C", repository, "rev-parse", "--short", "HEAD"])).Trim();
                var dirty = (await ExternalProcess.RunAsync("git", ["-C", repository, "status", "--porcelain", "--untracked-files=no"])).Trim().Length > 0;
                // The earlier commit's tree and Release build are kept in the temporary folder by its sha: building it
                // takes minutes on a busy machine, and a commit never changes. Delete the folder freely.
                var baselineTree = Path.Combine(Path.GetTempPath(), $"rlhf-mix-baseline-{sha}");
                if (!File.Exists(Path.Combine(baselineTree, "src", "Api", "RlhfGraph.Api.csproj")))
                {
                    Directory.CreateDirectory(baselineTree);
                    await ExternalProcess.RunAsync("bash", ["-c", "git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"", "archive", repository, sha, baselineTree]);
                }

                var builds = new List<Build>
                {
                    new(Current, $"{head}{(dirty ? " + uncommitted changes" : "")} (working tree)", repository),
                    new("baseline", sha[..7], baselineTree),
                };
                foreach (var build in builds)
                {
                    if (build.Name != Current && File.Exists(build.Api))
                    {
                        Console.WriteLine($"{build.Name} {build.Label}: Release build kept from an earlier run in {build.Tree}");
                        continue;
                    }

                    var clock = Stopwatch.StartNew();
                    await ExternalProcess.RunAsync("dotnet", ["build", Path.Combine(build.Tree, "src", "Api"), "-c", "Release", "-nologo", "-v", "q"], timeout: TimeSpan.FromMinutes(20));
                    Console.WriteLine($"built {build.Name} {build.Label}: Release in {F(clock.Elapsed.TotalSeconds)} s");
                }

                var catalog = QueryCatalog.LoadNamed(Path.Combine(repository, "tests", "queries"));
                Console.WriteLine($"the mix: {catalog.Count} operations of tests/queries, round robin ({string.Join(", ", catalog.Select(q => q.Name))}); {requests:N0} requests at {concurrency} per build per round, {rounds} rounds, order alternating");
                var databases = new List<(string Name, Func<Build, string> Source)> { ("seeded (seed/)", b => Path.Combine(b.Tree, "seed")) };
                if (corpus is not null) databases.Add(($"corpus {Path.GetFileName(corpus)}", _ => corpus));
                foreach (var (databaseName, source) in databases)
                {
                    cancel.ThrowIfCancellationRequested();
                    await MeasureAsync(builds, databaseName, source, folder, catalog, rounds, requests, concurrency, cancel);
                }

                Console.WriteLine($"load after: {LoadAverage.Describe()}");
                return 0;
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                }
            }
        });
        return command;
    }

    private static async Task MeasureAsync(List<Build> builds, string databaseName, Func<Build, string> source, string folder, IReadOnlyList<(string Name, string Query)> catalog,
        int rounds, int requests, int concurrency, CancellationToken cancel)
    {
        Console.WriteLine();
        Console.WriteLine($"== {databaseName}");
        var servers = new List<(Build Build, ServerProcess Server)>();
        try
        {
            foreach (var build in builds)
            {
                var file = Path.Combine(folder, $"{build.Name}-{servers.Count}-{Guid.NewGuid():N}.db");
                var clock = Stopwatch.StartNew();
                await ExternalProcess.RunAsync("dotnet", [build.Api, "seed", "--source", source(build)], workingDirectory: build.ApiDirectory, environment: ApiEnvironment(file), timeout: TimeSpan.FromMinutes(20));
                Console.WriteLine($"  {build.Name}: imported {source(build)} in {F(clock.Elapsed.TotalSeconds)} s");
                var port = ServerProcess.FreeLoopbackPort();
                var start = new ProcessStartInfo { FileName = "dotnet", WorkingDirectory = build.ApiDirectory };
                foreach (var argument in (string[])[build.Api, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"]) start.ArgumentList.Add(argument);
                foreach (var (key, value) in ApiEnvironment(file)) start.Environment[key] = value;
                servers.Add((build, await ServerProcess.StartAsync(build.Name, start, port)));
            }

            var queries = catalog.Select(q => q.Query).ToList();
            foreach (var (build, server) in servers)
            {
                // Warm-up (JIT, EF model, SQLite page cache), not measured; a failing operation is found here.
                var warm = await new LoadDriver(server.Client, new Uri(server.Url, "/graphql"), queries).RunAsync(Math.Min(requests, 2_000), Math.Min(concurrency, 16), cancel);
                Console.WriteLine($"  {build.Name}: warm-up {warm}");
                if (warm.Errors > 0) Console.WriteLine($"  {build.Name}: {warm.Errors} of the warm-up's requests failed; its figures below count failed requests too.");
            }

            var runs = new List<(string Build, int Round, LoadResult Load, double CpuMs, double LoadAverage)>();
            for (var round = 1; round <= rounds; round++)
            {
                for (var k = 0; k < servers.Count; k++)
                {
                    var (build, server) = servers[(k + round - 1) % servers.Count];
                    var cpu = ProcessTreeCpu.Of([.. server.CpuRoots]);
                    var load = await new LoadDriver(server.Client, new Uri(server.Url, "/graphql"), queries).RunAsync(requests, concurrency, cancel);
                    var cpuMs = (ProcessTreeCpu.Of([.. server.CpuRoots]) - cpu).TotalMilliseconds / load.Requests;
                    runs.Add((build.Name, round, load, cpuMs, LoadAverage.OneMinute()));
                    Console.WriteLine($"  round {round} {build.Name,-8} {load}; server CPU {F(cpuMs, 2)} ms/request; load {F(LoadAverage.OneMinute(), 1)}");
                }
            }

            var names = servers.Select(s => s.Build.Name).ToList();
            List<double> Rps(string name) => [.. runs.Where(r => r.Build == name).OrderBy(r => r.Round).Select(r => r.Load.RequestsPerSecond)];
            Console.WriteLine();
            Console.WriteLine($"{databaseName}: load average (1 min) during the rounds {F(runs.Min(r => r.LoadAverage), 1)}–{F(runs.Max(r => r.LoadAverage), 1)}");
            Console.WriteLine($"| build | req/s: median (rounds) | server CPU ms / request | p50 ms | p99 ms | errors | {string.Join(" | ", catalog.Select(q => $"{q.Name} median ms"))} |");
            Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | {string.Join(" | ", catalog.Select(_ => "---:"))} |");
            foreach (var (build, _) in servers)
            {
                var mine = runs.Where(r => r.Build == build.Name).ToList();
                var perQuery = Enumerable.Range(0, catalog.Count).Select(q => F(Median([.. mine.Select(r => r.Load.MedianMillisecondsByQuery[q])]), 1));
                Console.WriteLine($"| {build.Name} {build.Label} | {F(Median(Rps(build.Name)), 0)} ({string.Join(", ", Rps(build.Name).Select(r => F(r, 0)))}) | {F(Median([.. mine.Select(r => r.CpuMs)]), 2)} | "
                    + $"{F(Median([.. mine.Select(r => r.Load.P50Milliseconds)]), 1)} | {F(Median([.. mine.Select(r => r.Load.P99Milliseconds)]), 1)} | {mine.Sum(r => r.Load.Errors)} | {string.Join(" | ", perQuery)} |");
            }

            var ratios = Rps(names[0]).Zip(Rps(names[1]), (a, b) => a / b).ToList();
            Console.WriteLine($"{names[0]} ÷ {names[1]} requests/s: {Rounds.Range(ratios)}");
        }
        finally
        {
            foreach (var (_, server) in servers) server.Dispose();
        }
    }

    // The API's own configuration keys; Production, as deployed (its own runtimeconfig too: server GC), with a cost budget
    // no benchmark client reaches.
    private static Dictionary<string, string> ApiEnvironment(string databaseFile) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__RlhfGraph"] = $"Data Source={databaseFile}",
        ["Database__InitializeOnStartup"] = "false",
        ["RateLimits__Budget"] = "2000000000",
        ["Limits__ExecutionTimeout"] = "00:05:00",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    private sealed record Build(string Name, string Label, string Tree)
    {
        public string ApiDirectory => Path.Combine(Tree, "src", "Api");

        public string Api => Path.Combine(ApiDirectory, "bin", "Release", "net10.0", "RlhfGraph.Api.dll");
    }
}
