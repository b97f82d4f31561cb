using System.CommandLine;

namespace RlhfGraph.Benchmarks;

/// <summary>Each command is one benchmark of docs/benchmarks.md; run with -c Release. (Not `Program`: that is the API's, which the server benchmarks host.)</summary>
internal static class EntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("RlhfGraph benchmarks: a synthetic corpus and the measurements in docs/benchmarks.md.")
        {
            GenerateCommand.Create(),
            ImportCommand.Create(),
            ImportPairsCommand.Create(),
            QueriesCommand.Create(),
            PagingCommand.Create(),
            OverheadCommand.Create(),
            PeerCommand.Create(),
            MicroCommand.Create(),
            ProductionCommand.Create(),
            ServeCommand.Create(),
            MixCommand.Create(),
            FloorCommand.Create(),
        };
        // System.CommandLine 2.0.0 leaves Ctrl+C and SIGTERM unhandled (its documented two-second default is null there,
        // dotnet/command-line-api#2739): the process died at once and the commands' tokens never fired, so the servers, the
        // PostgreSQL cluster and the imports they had started ran on. Handled, the tokens fire and the commands clean up.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
    }
}
