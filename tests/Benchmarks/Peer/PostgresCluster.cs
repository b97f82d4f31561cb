using System.Globalization;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// A throwaway PostgreSQL cluster in a folder of its own (initdb + pg_ctl), reachable only through a unix socket in
/// that folder — no TCP port, so it cannot clash with anything else on the machine — with pg_stat_statements loaded
/// so statements per request can be counted. Disposing stops it; the caller deletes the folder.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string Database = "rlhfgraph";
    private const int Port = 5432;
    private readonly string _bin;
    private readonly string _data;
    private bool _started;

    private PostgresCluster(string bin, string folder)
    {
        _bin = bin;
        _data = Path.Combine(folder, "data");
        SocketDirectory = Path.Combine(folder, "socket");
        LogFile = Path.Combine(folder, "postgres.log");
    }

    public string SocketDirectory { get; }

    public string LogFile { get; }

    /// <summary>The postmaster's pid: every backend is its child.</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(_data, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>For node-postgres (PostGraphile): the socket folder as host, trust authentication.</summary>
    public string ConnectionUri => $"postgres://postgres@/{Database}?host={Uri.EscapeDataString(SocketDirectory)}&port={Port}";

    public static async Task<PostgresCluster> StartAsync(string bin, string folder, bool statStatements)
    {
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(bin, folder);
        Directory.CreateDirectory(cluster.SocketDirectory);
        if (ExternalProcess.PostgresUser is { } user)
            await ExternalProcess.RunAsync("chown", ["-R", $"{user}:", folder]);
        await ExternalProcess.RunAsync(Path.Combine(bin, "initdb"), ["-D", cluster._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgresUser: true);

        // Settings: socket only; JIT off (an OLTP setting: these statements are far below where it pays off);
        // durability off, since nothing here is worth keeping and the benchmark only reads.
        var settings = string.Join(' ', (string[])[
            $"-k {cluster.SocketDirectory}", "-c listen_addresses=''", $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c jit=off", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=100",
            statStatements ? "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top" : ""]);
        await ExternalProcess.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", cluster._data, "-l", cluster.LogFile, "-w", "-t", "60", "-o", settings, "start"], asPostgresUser: true, timeout: TimeSpan.FromSeconds(90));
        cluster._started = true;
        // pg_ctl daemonizes the server: should this process end without disposing (Ctrl+C past its grace period),
        // stop the cluster anyway rather than leave it running on a shared machine.
        AppDomain.CurrentDomain.ProcessExit += cluster.StopOnExit;
        await cluster.PsqlAsync("postgres", $"CREATE DATABASE {Database}");
        return cluster;
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        if (!_started) return;
        _started = false;
        ExternalProcess.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"], asPostgresUser: true, timeout: TimeSpan.FromSeconds(20))
            .GetAwaiter().GetResult();
    }

    /// <summary>Runs SQL (one or more statements, stopping at the first error) with psql; returns its unaligned output.</summary>
    public Task<string> PsqlAsync(string database, string sql, Func<Stream, Task>? stdin = null) =>
        ExternalProcess.RunAsync(Path.Combine(_bin, "psql"),
            ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", SocketDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-c", sql],
            stdin);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (!_started) return;
        _started = false;
        try
        {
            await ExternalProcess.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "fast", "-w", "stop"], asPostgresUser: true, timeout: TimeSpan.FromSeconds(60));
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"PostgreSQL did not stop cleanly: {e.Message}");
        }
    }
}
