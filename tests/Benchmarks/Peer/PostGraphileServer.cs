using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// PostGraphile 4 (the CLI, production flags: no query log, no GraphiQL enhancements, no watch) over the cluster,
/// on a free loopback port, optionally with cluster workers. Installed by npm into a temporary folder per run.
/// </summary>
internal sealed class PostGraphileServer : IDisposable
{
    /// <summary>The version the issue measured, and the two plugins its queries need: connection-filter for `year ≥ 2023`, many-to-many for an author's papers ordered by year.</summary>
    public static readonly string[] Packages = ["postgraphile@4.14", "postgraphile-plugin-connection-filter@2", "@graphile-contrib/pg-many-to-many@1"];

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PostGraphileServer(Process process, int port, int workers)
    {
        _process = process;
        Workers = workers;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Client { get; }

    public int Workers { get; }

    /// <summary>The CLI's pid: cluster workers are its children.</summary>
    public int ProcessId => _process.Id;

    public string Name => Workers <= 1 ? "postgraphile" : $"postgraphile x{Workers.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>npm-installs the packages into <paramref name="folder"/>; returns the installed PostGraphile version.</summary>
    public static async Task<string> InstallAsync(string npm, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), "{ \"private\": true }\n");
        await ExternalProcess.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--no-package-lock", "--omit=dev", "--loglevel=error", .. Packages], workingDirectory: folder, timeout: TimeSpan.FromMinutes(5));
        var manifest = await File.ReadAllTextAsync(Path.Combine(folder, "node_modules", "postgraphile", "package.json"));
        return System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("version").GetString()!;
    }

    public static async Task<PostGraphileServer> StartAsync(string node, string folder, PostgresCluster cluster, int workers)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo
        {
            FileName = node,
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(folder, "node_modules", "postgraphile", "cli.js"),
            "--connection", cluster.ConnectionUri, "--schema", "public",
            "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--append-plugins", "postgraphile-plugin-connection-filter,@graphile-contrib/pg-many-to-many",
            "--disable-query-log", "--no-setof-functions-contain-nulls", "--disable-default-mutations",
            .. workers > 1 ? ["--cluster-workers", workers.ToString(CultureInfo.InvariantCulture)] : (string[])[]])
            start.ArgumentList.Add(argument);
        start.Environment["NODE_ENV"] = "production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var server = new PostGraphileServer(process, port, workers);
        AppDomain.CurrentDomain.ProcessExit += server.KillOnExit;
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Ready when it answers a query (introspection of the schema takes a few seconds; each worker does its own).
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"PostGraphile exited with {process.ExitCode}:\n{ExternalProcess.Tail(server.Log)}");
            try
            {
                using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json");
                using var response = await server.Client.PostAsync("/graphql", content);
                if (response.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                server.Dispose();
                throw new InvalidOperationException($"PostGraphile did not answer within 90 s:\n{ExternalProcess.Tail(server.Log)}");
            }

            await Task.Delay(250);
        }

        return server;
    }

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
