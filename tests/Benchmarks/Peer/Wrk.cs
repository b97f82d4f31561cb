using System.Globalization;
using System.Text.Json;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// wrk (Debian's package) as the out-of-process load generator of `peer` and `overhead`: a closed loop of
/// <c>connections</c> keep-alive connections for a fixed time, with a Lua script that sends the request (a POST body
/// read from a file, or a GET) and prints wrk's own summary as one JSON line. A load generator in C, in its own
/// process, measures every server the same way and costs each the same CPU: none of it is in a server's process.
/// </summary>
internal sealed class Wrk
{
    // init() runs per wrk thread before wrk formats its request, so the body set here is the one sent.
    // done() gets the summary of all threads; latencies are in microseconds.
    private const string Script = """
        local body_file = nil
        function init(args)
          wrk.method = args[1]
          wrk.headers["Accept"] = "application/graphql-response+json, application/json"
          if args[2] ~= nil then
            local f = assert(io.open(args[2], "rb"))
            wrk.body = f:read("*a")
            f:close()
            wrk.headers["Content-Type"] = "application/json"
          end
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format('\nWRK-JSON {"requests":%d,"duration_us":%d,"p50_us":%.1f,"p99_us":%.1f,"mean_us":%.1f,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\n',
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean, e.connect, e.read, e.write, e.status, e.timeout))
        end
        """;

    private readonly string _executable;
    private readonly string _folder;
    private readonly string _script;
    private int _bodies;

    private Wrk(string executable, string folder)
    {
        _executable = executable;
        _folder = folder;
        _script = Path.Combine(folder, "request.lua");
        File.WriteAllText(_script, Script);
    }

    /// <summary>wrk from PATH; apt-gets Debian's `wrk` when missing and this process is root (as `peer --install` does PostgreSQL).</summary>
    public static async Task<Wrk> FindOrInstallAsync(string folder)
    {
        var executable = ExternalProcess.OnPath("wrk");
        if (executable is null)
        {
            if (!Environment.IsPrivilegedProcess || ExternalProcess.OnPath("apt-get") is null)
                throw new InvalidOperationException("wrk is not on PATH: install Debian's `wrk` (`apt-get install wrk`); the benchmark installs it itself when run as root.");
            Console.WriteLine("installing wrk with apt-get");
            try
            {
                await ExternalProcess.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "wrk"], timeout: TimeSpan.FromMinutes(10));
            }
            catch (InvalidOperationException)
            {
                // The package lists may be missing or stale on a fresh machine.
                await ExternalProcess.RunAsync("apt-get", ["update"], timeout: TimeSpan.FromMinutes(10));
                await ExternalProcess.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "wrk"], timeout: TimeSpan.FromMinutes(10));
            }

            executable = ExternalProcess.OnPath("wrk") ?? throw new InvalidOperationException("apt-get installed wrk, but it is not on PATH.");
        }

        Directory.CreateDirectory(folder);
        return new Wrk(executable, folder);
    }

    public string Executable => _executable;

    /// <summary>A request wrk can send: a POST of <paramref name="json"/> or, when null, a GET.</summary>
    public Request Prepare(Uri url, string? json)
    {
        if (json is null) return new Request(url, null);
        var file = Path.Combine(_folder, $"body-{Interlocked.Increment(ref _bodies).ToString(CultureInfo.InvariantCulture)}.json");
        File.WriteAllText(file, json);
        return new Request(url, file);
    }

    /// <summary>
    /// Runs wrk for <paramref name="seconds"/> with <paramref name="connections"/> in flight; fails when any request
    /// failed, or none completed unless <paramref name="allowNone"/> (a cold server's first second of warm-up).
    /// </summary>
    public async Task<Result> RunAsync(Request request, int connections, double seconds, CancellationToken cancel, bool allowNone = false)
    {
        cancel.ThrowIfCancellationRequested();
        var threads = Math.Min(2, connections);
        var output = await ExternalProcess.RunAsync(_executable,
        [
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)Math.Round(seconds)).ToString(CultureInfo.InvariantCulture)}s", "--timeout", "30s",
            "-s", _script, request.Url.ToString(), "--", request.BodyFile is null ? "GET" : "POST", .. request.BodyFile is null ? (string[])[] : [request.BodyFile],
        ], timeout: TimeSpan.FromSeconds(seconds + 60));
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("WRK-JSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary:\n{ExternalProcess.Tail(output)}");
        using var json = JsonDocument.Parse(line["WRK-JSON ".Length..]);
        var root = json.RootElement;
        var result = new Result(
            root.GetProperty("requests").GetInt64(),
            root.GetProperty("duration_us").GetInt64() / 1e6,
            root.GetProperty("p50_us").GetDouble() / 1000,
            root.GetProperty("p99_us").GetDouble() / 1000,
            root.GetProperty("connect").GetInt64() + root.GetProperty("read").GetInt64() + root.GetProperty("write").GetInt64()
                + root.GetProperty("status").GetInt64() + root.GetProperty("timeout").GetInt64());
        if (result.Errors > 0)
            throw new InvalidOperationException($"wrk saw {result.Errors} failed requests (connect/read/write errors, non-2xx answers or timeouts) against {request.Url}:\n{ExternalProcess.Tail(output)}");
        if (result.Requests == 0 && !allowNone) throw new InvalidOperationException($"wrk completed no request against {request.Url}.");
        return result;
    }

    public sealed record Request(Uri Url, string? BodyFile);

    public sealed record Result(long Requests, double Seconds, double P50Ms, double P99Ms, long Errors)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }
}
