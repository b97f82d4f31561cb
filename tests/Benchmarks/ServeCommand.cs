using System.CommandLine;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `serve --db FILE --port P` (hidden): our API as `peer`, `overhead` and the others host it (Production settings,
/// statement counter, the hand-written baseline), in a process of its own so that no load client shares it. Ends when
/// its standard input closes (the driving benchmark ended, however it ended) or on SIGTERM/SIGINT.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "The SQLite file to serve.", Required = true };
        var portOption = new Option<int>("--port") { Description = "Loopback port to listen on.", Required = true };
        var command = new Command("serve", "Our API on a loopback port, for the benchmarks that drive it from another process.") { dbOption, portOption };
        command.Hidden = true;
        command.SetAction(async (result, cancel) =>
        {
            using var server = new BenchmarkServer(new SqliteFile(result.GetValue(dbOption)!), port: result.GetValue(portOption));
            Console.WriteLine($"serving at {server.Client.BaseAddress}");
            var stdinClosed = Task.Run(async () =>
            {
                var buffer = new byte[256];
                await using var stdin = Console.OpenStandardInput();
                while (await stdin.ReadAsync(buffer, CancellationToken.None) > 0)
                {
                    // nothing is sent; only the end matters
                }
            }, CancellationToken.None);
            await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, cancel));
            return 0;
        });
        return command;
    }
}
