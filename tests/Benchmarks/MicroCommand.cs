using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RlhfGraph.Benchmarks.Micro;

namespace RlhfGraph.Benchmarks;

/// <summary>`micro --db FILE [--filter PATTERN]`: the BenchmarkDotNet micro-benchmarks, in process, short runs.</summary>
internal static class MicroCommand
{
    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A small seeded SQLite file for the execution benchmarks (e.g. the five real lists).", Required = true };
        var filterOption = new Option<string>("--filter") { Description = "BenchmarkDotNet filter (glob on Type.Method).", DefaultValueFactory = _ => "*" };
        var command = new Command("micro", "BenchmarkDotNet micro-benchmarks: filter building, cursors, parsing and execution with/without the document cache.") { dbOption, filterOption };
        command.SetAction(result =>
        {
            Environment.SetEnvironmentVariable("RLHFGRAPH_BENCH_DB", Path.GetFullPath(result.GetValue(dbOption)!));
            // In process: this assembly's entry point is the benchmark CLI, not a BenchmarkDotNet host.
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkSwitcher.FromTypes([typeof(FilterBuildingBenchmarks), typeof(CursorBenchmarks), typeof(DocumentBenchmarks)])
                .Run(["--filter", result.GetValue(filterOption)!], config);
            return 0;
        });
        return command;
    }
}
