using System.CommandLine;
using RlhfGraph.Benchmarks;

// Each command is one benchmark of docs/benchmarks.md; run with -c Release.
var root = new RootCommand("RlhfGraph benchmarks: a synthetic corpus and the measurements in docs/benchmarks.md.");
root.Subcommands.Add(GenerateCommand.Create());
return await root.Parse(args).InvokeAsync();
