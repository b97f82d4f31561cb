using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RlhfGraph.Benchmarks.Peer;

namespace RlhfGraph.Benchmarks.Servers;

/// <summary>
/// A GraphQL server in a process of its own on a loopback port: ours (the benchmark host's `serve`, or a Release
/// build of src/Api) or a peer. Ready when it answers <c>{ __typename }</c>; disposing kills its process tree. Its
/// standard input is a pipe held by this process, so a server started by `serve` also ends when this process dies.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
        Url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Url { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    /// <summary>Processes whose CPU (with all their descendants) is this server's: itself, plus e.g. its database's postmaster.</summary>
    public List<int> CpuRoots { get; } = [];

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <paramref name="start"/> (which must listen on <paramref name="port"/>) and waits until it answers GraphQL at /graphql.</summary>
    public static async Task<ServerProcess> StartAsync(string name, ProcessStartInfo start, int port, TimeSpan? readyWithin = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var server = new ServerProcess(name, process, port);
        server.CpuRoots.Add(process.Id);
        AppDomain.CurrentDomain.ProcessExit += server.KillOnExit;
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = readyWithin ?? TimeSpan.FromSeconds(120);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                process.WaitForExit();
                var log = server.Log;
                server.Dispose();
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before answering:\n{ExternalProcess.Tail(log)}");
            }

            try
            {
                using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json");
                using var response = await server.Client.PostAsync("/graphql", content);
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            if (clock.Elapsed > limit)
            {
                var log = server.Log;
                server.Dispose();
                throw new InvalidOperationException($"{name} did not answer within {limit.TotalSeconds} s:\n{ExternalProcess.Tail(log)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>This benchmark host again, as `serve`: our API with the statement counter and the hand-written baseline, in its own process.</summary>
    public static Task<ServerProcess> StartOursAsync(SqliteFile database)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath!, WorkingDirectory = Environment.CurrentDirectory };
        // Under `dotnet RlhfGraph.Benchmarks.dll` the process is dotnet itself; the apphost needs no assembly argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(EntryPoint).Assembly.Location);
        foreach (var argument in (string[])["serve", "--db", database.Path, "--port", port.ToString(CultureInfo.InvariantCulture)]) start.ArgumentList.Add(argument);
        // The collector the API ships with (its runtimeconfig: the Web SDK's server GC), not this console host's: the
        // workstation collector costs the API about a third more CPU per request on the dashboard (docs/benchmarks.md §16).
        start.Environment["DOTNET_gcServer"] = ApiUsesServerGC() ? "1" : "0";
        return StartAsync("ours", start, port);
    }

    /// <summary>System.GC.Server of the API's own runtimeconfig, copied beside this host's assemblies by the build.</summary>
    private static bool ApiUsesServerGC()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "RlhfGraph.Api.runtimeconfig.json");
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        return config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server)
            && server.GetBoolean();
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Client.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            // The tail is what explains a failure; keep memory bounded on long runs.
            if (_log.Length > 200_000) _log.Remove(0, 100_000);
            _log.AppendLine(line);
        }
    }
}
