using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RlhfGraph.Persistence.Import;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `import --source DIR [--runs N] [--keep FILE]`: the real importer into a fresh, migrated SQLite file, timed without
/// the migrations; wall and CPU time, papers per second and the process's peak memory.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Seed folder (list files + sources.json), e.g. seed or a generated corpus.", Required = true };
        var runs = new Option<int>("--runs") { Description = "Imports to run; the median is reported.", DefaultValueFactory = _ => 3 };
        var keep = new Option<string?>("--keep") { Description = "Keep the last run's database at this path (for the query benchmarks)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines." };
        var command = new Command("import", "Time the real importer on a seed folder.") { source, runs, keep, quiet };
        command.SetAction(async (result, ct) =>
        {
            var directory = Path.GetFullPath(result.GetValue(source)!);
            var count = Math.Max(1, result.GetValue(runs));
            var walls = new List<double>();
            var cpus = new List<double>();
            ImportReport? report = null;
            for (var run = 1; run <= count; run++)
            {
                var last = run == count && result.GetValue(keep) is not null;
                var file = new SqliteFile(last ? result.GetValue(keep)! : Path.Combine(Path.GetTempPath(), $"rlhfgraph-bench-{Guid.NewGuid():N}.db"));
                file.Delete();
                await file.MigrateAsync();
                var importer = new Importer(file, NullLogger<Importer>.Instance);
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                // CPU seconds beside wall seconds: on a shared machine the wall clock says more about the neighbours than the phase.
                // The working set sampled every 50 ms: each line says the highest since the line before, so a peak has a phase.
                long peak = 0;
                using var sampler = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet)), null, 0, 50);
                var progress = result.GetValue(quiet) ? null : new SyncProgress(step =>
                    Console.Error.WriteLine($"  [{clock.Elapsed.TotalSeconds,6:F1}s, CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,6:F1}s, RSS {Environment.WorkingSet >> 20,5} MB (peak before {Interlocked.Exchange(ref peak, 0) >> 20,5}), heap {GC.GetTotalMemory(false) >> 20,5} MB, GC paused {GC.GetTotalPauseDuration().TotalSeconds,5:F1}s, gen2 {GC.CollectionCount(2),3}, g0 {GC.CollectionCount(0)}, g1 {GC.CollectionCount(1)}, alloc {GC.GetTotalAllocatedBytes() >> 20} MB] {step}"));
                report = await importer.ImportAsync(directory, progress, ct);
                progress?.Report("done");
                walls.Add(clock.Elapsed.TotalSeconds);
                cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                Console.WriteLine(ImportRun.RunLine(run, report.Papers, report.RowsInserted, walls[^1], cpus[^1]));
                if (!last) file.Delete();
            }

            using var process = Process.GetCurrentProcess();
            Console.WriteLine();
            Console.WriteLine($"import of {directory}: {report!.Papers} papers, {report.Authors} authors, {report.RowsInserted} rows");
            Console.WriteLine($"  median of {count}: {F(Median(walls), 2)} s wall, {F(Median(cpus), 2)} s CPU, {F(report.Papers / Median(walls), 0)} papers/s");
            Console.WriteLine(ImportRun.PeakLine(process.PeakWorkingSet64 / (1024 * 1024), Environment.ProcessorCount));
            return 0;
        });
        return command;
    }

    /// <summary>Prints on the reporting thread: Progress&lt;T&gt; would post lines to the pool and print them late or out of order.</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
