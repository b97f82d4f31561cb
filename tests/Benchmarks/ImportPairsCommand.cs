using System.CommandLine;
using RlhfGraph.Benchmarks.Peer;
using RlhfGraph.Benchmarks.Servers;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `import-pairs --source DIR --a BUILD --b BUILD [--pairs N] [--collector workstation|server]`: two builds of this
/// benchmark (each `dotnet build tests/Benchmarks -c Release -o BUILD`) import the same folder in fresh processes, one
/// after the other, A then B and B then A in turn, after one unrecorded round of each; it reports each build's range and
/// median and, since only neighbours compare on a machine whose speed drifts by a fifth from one quarter of an hour to the
/// next, the difference within each pair (docs/benchmarks.md §13).
/// </summary>
internal static class ImportPairsCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Seed folder both builds import (list files + sources.json).", Required = true };
        var a = new Option<string>("--a") { Description = "Folder of build A's RlhfGraph.Benchmarks.dll.", Required = true };
        var b = new Option<string>("--b") { Description = "Folder of build B's RlhfGraph.Benchmarks.dll.", Required = true };
        var pairs = new Option<int>("--pairs") { Description = "Recorded pairs.", DefaultValueFactory = _ => 3 };
        var collector = new Option<string>("--collector") { Description = "workstation (this benchmark's own) or server (the API's, so the shipped seed command's).", DefaultValueFactory = _ => "workstation" };
        collector.AcceptOnlyFromAmong("workstation", "server");
        var command = new Command("import-pairs", "Two builds' imports of one folder, alternating, each in a fresh process.") { source, a, b, pairs, collector };
        command.SetAction(async (result, ct) =>
        {
            var folder = Path.GetFullPath(result.GetValue(source)!);
            var builds = new[] { ("A", Path.GetFullPath(result.GetValue(a)!)), ("B", Path.GetFullPath(result.GetValue(b)!)) };
            foreach (var (name, build) in builds)
            {
                if (File.Exists(Path.Combine(build, "RlhfGraph.Benchmarks.dll"))) continue;
                Console.Error.WriteLine($"{name}: no RlhfGraph.Benchmarks.dll in {build} (dotnet build tests/Benchmarks -c Release -o {build})");
                return 2;
            }

            try
            {
                await RunPairsAsync(folder, builds, result.GetValue(collector)!, Math.Max(1, result.GetValue(pairs)), ct);
                return 0;
            }
            catch (InvalidOperationException failed)
            {
                Console.Error.WriteLine(failed.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task RunPairsAsync(string folder, (string Name, string Build)[] builds, string collector, int pairs, CancellationToken ct)
    {
        var server = collector == "server";
        Console.WriteLine($"{folder}, {collector} collector; A = {builds[0].Build}, B = {builds[1].Build}; load before: {LoadAverage.Describe()}");
        // The first round of each reads the list and the assemblies from disk into the page cache: not recorded.
        foreach (var (_, build) in builds) await RunAsync(build, folder, server, ct);

        var runs = new Dictionary<string, List<ImportRun>> { ["A"] = [], ["B"] = [] };
        var differences = new List<double>();
        for (var pair = 1; pair <= pairs; pair++)
        {
            // A first in odd pairs, B first in even ones: neither build always runs on the machine the other left.
            var order = pair % 2 == 1 ? builds : [builds[1], builds[0]];
            foreach (var (name, build) in order)
            {
                var run = await RunAsync(build, folder, server, ct);
                runs[name].Add(run);
                Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} pair {pair} {name}: {F(run.WallSeconds, 2)} s wall, {F(run.CpuSeconds, 2)} s CPU, peak {run.PeakMegabytes} MB");
            }

            differences.Add(runs["B"][^1].WallSeconds - runs["A"][^1].WallSeconds);
        }

        Console.WriteLine();
        foreach (var (name, list) in runs)
        {
            var walls = list.Select(r => r.WallSeconds).ToList();
            var cpus = list.Select(r => r.CpuSeconds).ToList();
            Console.WriteLine($"{name}: {F(walls.Min(), 2)}–{F(walls.Max(), 2)} s wall (median {F(Median(walls), 2)}), "
                + $"{F(cpus.Min(), 2)}–{F(cpus.Max(), 2)} s CPU, peak {list.Min(r => r.PeakMegabytes)}–{list.Max(r => r.PeakMegabytes)} MB");
        }

        Console.WriteLine($"B − A within each pair: {string.Join(", ", differences.Select(Signed))} s (median {Signed(Median(differences))})");
        Console.WriteLine($"load after: {LoadAverage.Describe()}");
    }

    private static string Signed(double seconds) => (seconds >= 0 ? "+" : "") + F(seconds, 2);

    private static async Task<ImportRun> RunAsync(string build, string folder, bool server, CancellationToken ct)
    {
        // The collector said either way, so that neither build takes it from its own runtimeconfig or the caller's environment.
        var output = await ExternalProcess.RunAsync("dotnet", [Path.Combine(build, "RlhfGraph.Benchmarks.dll"), "import", "--source", folder, "--runs", "1", "--quiet"],
            timeout: TimeSpan.FromMinutes(30), environment: new Dictionary<string, string> { ["DOTNET_gcServer"] = server ? "1" : "0" }, cancel: ct);
        return ImportRun.Parse(output) ?? throw new InvalidOperationException($"{build}: the import printed no finished run:{Environment.NewLine}{ExternalProcess.Tail(output)}");
    }
}
