using System.Globalization;
using RlhfGraph.Benchmarks.Peer;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks.Servers;

/// <summary>
/// The measuring discipline of `peer` and `overhead`: wrk drives each contender from its own process. First a warm-up
/// until two consecutive warm-up runs of each contender agree within 10 % (JIT tiering, pools, caches; with a cap,
/// reported when hit); then rounds in which every contender runs once, the order rotating round by round (ours, peer,
/// ours, peer…), each run timed. Per run: requests/s, p50/p99, the contender's CPU per request (its process tree from
/// /proc: server, and for a peer its PostgreSQL) and the load average. Ratios are taken within a round, never across.
/// </summary>
internal static class Rounds
{
    public const double Agreement = 0.10;

    /// <summary>One way to be measured: a request wrk sends to a server, and the processes whose CPU is that server's.</summary>
    public sealed record Contender(string Name, Wrk.Request Request, IReadOnlyList<int> CpuRoots, Func<Task<long>>? AllocatedBytes = null);

    public sealed record Settings(int Rounds, double Seconds, int Connections, double WarmupSeconds, int WarmupCap);

    public sealed record Run(string Contender, int Round, Wrk.Result Load, double CpuMsPerRequest, double AllocatedPerRequest, double LoadAverage);

    public sealed record Outcome(IReadOnlyList<Run> Runs, IReadOnlyList<string> WarmupNotes)
    {
        public IEnumerable<Run> Of(string contender) => Runs.Where(r => r.Contender == contender).OrderBy(r => r.Round);

        public double MedianRps(string contender) => Median([.. Of(contender).Select(r => r.Load.RequestsPerSecond)]);

        public double MedianCpu(string contender) => Median([.. Of(contender).Select(r => r.CpuMsPerRequest)]);

        /// <summary>Per round, <paramref name="numerator"/>'s requests/s over <paramref name="denominator"/>'s in the same round.</summary>
        public List<double> Ratios(string numerator, string denominator) =>
            [.. Of(numerator).Zip(Of(denominator), (n, d) => n.Load.RequestsPerSecond / d.Load.RequestsPerSecond)];
    }

    public static async Task<Outcome> MeasureAsync(Wrk wrk, string label, IReadOnlyList<Contender> contenders, Settings settings, CancellationToken cancel)
    {
        var notes = new List<string>();
        var previous = new double?[contenders.Count];
        var stable = new bool[contenders.Count];
        var runsOf = new int[contenders.Count];
        for (var warm = 0; warm < settings.WarmupCap && !stable.All(s => s); warm++)
        {
            for (var k = 0; k < contenders.Count; k++)
            {
                var i = (k + warm) % contenders.Count;
                if (stable[i]) continue;
                var load = await wrk.RunAsync(contenders[i].Request, settings.Connections, settings.WarmupSeconds, cancel, allowNone: true);
                runsOf[i]++;
                var rps = load.RequestsPerSecond;
                if (previous[i] is { } before && rps > 0 && Math.Abs(rps - before) <= Agreement * Math.Max(rps, before)) stable[i] = true;
                previous[i] = rps;
            }
        }

        for (var i = 0; i < contenders.Count; i++)
        {
            notes.Add(stable[i]
                ? $"{contenders[i].Name} warm after {runsOf[i]} runs of {F(settings.WarmupSeconds, 0)} s"
                : $"{contenders[i].Name} NOT stable within {Agreement:P0} after the cap of {runsOf[i]} warm-up runs (last {F(previous[i] ?? double.NaN, 0)} req/s)");
        }

        Console.WriteLine($"  {label}: warm-up: {string.Join("; ", notes)}");
        var runs = new List<Run>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            for (var k = 0; k < contenders.Count; k++)
            {
                var contender = contenders[(k + round - 1) % contenders.Count];
                var cpu = ProcessTreeCpu.Of([.. contender.CpuRoots]);
                var allocated = contender.AllocatedBytes is null ? 0 : await contender.AllocatedBytes();
                var load = await wrk.RunAsync(contender.Request, settings.Connections, settings.Seconds, cancel);
                cpu = ProcessTreeCpu.Of([.. contender.CpuRoots]) - cpu;
                var allocatedPerRequest = contender.AllocatedBytes is null ? double.NaN : (double)(await contender.AllocatedBytes() - allocated) / load.Requests;
                var run = new Run(contender.Name, round, load, cpu.TotalMilliseconds / load.Requests, allocatedPerRequest, LoadAverage.OneMinute());
                runs.Add(run);
                Console.WriteLine($"  {label} round {round} {contender.Name,-16} {F(load.RequestsPerSecond, 0),6} req/s  p50 {F(load.P50Ms, 2)} ms  p99 {F(load.P99Ms, 2)} ms  "
                    + $"cpu {F(run.CpuMsPerRequest, 2)} ms/req{(double.IsNaN(allocatedPerRequest) ? "" : $"  {F(allocatedPerRequest / 1024, 1)} KB/req allocated")}  load {F(run.LoadAverage, 1)}");
            }
        }

        return new Outcome(runs, notes);
    }

    /// <summary>"1.42 (1.30–1.51)": the median of per-round ratios and their range.</summary>
    public static string Range(IReadOnlyList<double> ratios) =>
        ratios.Count == 0 ? "n/a" : $"{F(Median(ratios), 2)} ({F(ratios.Min(), 2)}–{F(ratios.Max(), 2)})";
}

/// <summary>The machine's load average from /proc/loadavg; on a shared machine every figure is read beside it.</summary>
internal static class LoadAverage
{
    public static double OneMinute() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;

    public static string Describe() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";
}
