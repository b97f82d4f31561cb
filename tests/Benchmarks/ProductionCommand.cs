using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using static RlhfGraph.Benchmarks.Stats;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// `production --db FILE [--requests N] [--seconds S]`: the production features' figures for docs/benchmarks.md, on loopback and
/// bounded: compression of the dashboard query (bytes and CPU per request, per encoding), the 304 path against a full
/// execution of the same GET, and a greedy client against a polite one under a cost budget.
/// </summary>
internal static class ProductionCommand
{
    private static readonly string DashboardQuery = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/Api/Dashboard/Operations/DashboardStats.graphql"));

    public static Command Create()
    {
        var dbOption = new Option<string>("--db") { Description = "A seeded SQLite file.", Required = true };
        var requestsOption = new Option<int>("--requests") { Description = "Requests per measured series (at most 5000).", DefaultValueFactory = _ => 500 };
        var secondsOption = new Option<double>("--seconds") { Description = "Length of the throttling run (at most 60).", DefaultValueFactory = _ => 15 };
        var command = new Command("production", "Compression, 304 and throttling figures of the production features.") { dbOption, requestsOption, secondsOption };
        command.SetAction(async result =>
        {
            var database = new SqliteFile(result.GetValue(dbOption)!);
            var requests = Math.Clamp(result.GetValue(requestsOption), 10, 5000);
            var seconds = Math.Clamp(result.GetValue(secondsOption), 2, 60);
            Console.WriteLine($"{database.Path}, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            using (var server = new BenchmarkServer(database))
            {
                await CompressionAsync(server, requests);
                await NotModifiedAsync(server, requests);
            }

            using (var limited = new BenchmarkServer(database, new Dictionary<string, string> { ["RateLimits:Budget"] = "50000", ["RateLimits:ApiKeyHeader"] = "X-Api-Key" }))
                await ThrottlingAsync(limited, seconds);
            return 0;
        });
        return command;
    }

    private static async Task CompressionAsync(BenchmarkServer server, int requests)
    {
        var body = BenchmarkServer.Body(DashboardQuery, null);
        Console.WriteLine($"\ncompression of the dashboard query ({requests} POSTs per encoding, sequential; CPU is the whole process's, client included)");
        double? identityCpu = null;
        foreach (var encoding in (string?[])[null, "gzip", "br", null, "gzip", "br"])
        {
            long bytes = 0;
            var latencies = new List<double>();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < requests; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (encoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                var clock = Stopwatch.StartNew();
                using var response = await server.Client.SendAsync(request);
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }

            var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / requests;
            identityCpu = encoding is null ? cpuPerRequest : identityCpu;
            Console.WriteLine($"  {encoding ?? "identity",-8} {bytes,6} bytes  CPU {F(cpuPerRequest, 3)} ms/request ({(identityCpu is { } i0 && encoding is not null ? $"+{F(cpuPerRequest - i0, 3)} over identity" : "baseline")})  p50 {F(Median(latencies), 2)} ms");
        }

        // The compression alone, without HTTP around it: what the encoders cost on these bytes.
        var (json, _) = await server.GraphQLAsync(DashboardQuery);
        var raw = Encoding.UTF8.GetBytes(json);
        foreach (var (name, factory) in new (string, Func<Stream, Stream>)[]
                 {
                     ("gzip", s => new GZipStream(s, CompressionLevel.Fastest, leaveOpen: true)),
                     ("br", s => new BrotliStream(s, CompressionLevel.Fastest, leaveOpen: true)),
                 })
        {
            long size = 0;
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < requests; i++)
            {
                using var output = new MemoryStream();
                using (var compressor = factory(output)) compressor.Write(raw);
                size = output.Length;
            }

            Console.WriteLine($"  {name} Fastest alone: {raw.Length} → {size} bytes ({F((double)raw.Length / size, 1)}x), {F((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / requests * 1000, 1)} µs CPU each");
        }
    }

    private static async Task NotModifiedAsync(BenchmarkServer server, int requests)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(DashboardQuery)}";
        using var first = await server.Client.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();
        Console.WriteLine($"\nGET of the dashboard query: full execution against If-None-Match → 304 ({requests} each, alternating rounds)");
        var full = new List<double>();
        var notModified = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var conditional in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                for (var i = 0; i < requests / 2; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (conditional) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    var clock = Stopwatch.StartNew();
                    using var response = await server.Client.SendAsync(request);
                    await response.Content.CopyToAsync(Stream.Null);
                    var expected = conditional ? HttpStatusCode.NotModified : HttpStatusCode.OK;
                    if (response.StatusCode != expected) throw new InvalidOperationException($"expected {expected}, got {response.StatusCode}");
                    (conditional ? notModified : full).Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"  200 full  p50 {F(Median(full), 2)} ms  p99 {F(Percentile(full, 99), 2)} ms");
        Console.WriteLine($"  304       p50 {F(Median(notModified), 2)} ms  p99 {F(Percentile(notModified, 99), 2)} ms  ({F(Median(full) / Median(notModified), 1)}x faster at p50)");
    }

    private static async Task ThrottlingAsync(BenchmarkServer server, double seconds)
    {
        var body = BenchmarkServer.Body(DashboardQuery, null);
        async Task<(HttpStatusCode, double)> SendAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);
            var clock = Stopwatch.StartNew();
            using var response = await server.Client.SendAsync(request);
            await response.Content.CopyToAsync(Stream.Null);
            return (response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }

        async Task<List<(HttpStatusCode Status, double Ms)>> PoliteAsync(string key, double forSeconds)
        {
            var results = new List<(HttpStatusCode, double)>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < forSeconds)
            {
                results.Add(await SendAsync(key));
                await Task.Delay(20);
            }

            return results;
        }

        var alone = await PoliteAsync("polite-alone", seconds / 3);
        var greedy = new List<(HttpStatusCode Status, double Ms)>();
        var stop = Stopwatch.StartNew();
        var greedyLoops = Enumerable.Range(0, 16).Select(async _ =>
        {
            while (stop.Elapsed.TotalSeconds < seconds && greedy.Count < 200_000)
            {
                var r = await SendAsync("greedy");
                lock (greedy) greedy.Add(r);
            }
        }).ToList();
        var polite = await PoliteAsync("polite", seconds);
        await Task.WhenAll(greedyLoops);

        static string Figures(List<(HttpStatusCode Status, double Ms)> r)
        {
            var ms = r.Select(x => x.Ms).ToList();
            return $"{r.Count,6} requests, {r.Count(x => x.Status == HttpStatusCode.TooManyRequests),6} × 429, {r.Count(x => x.Status == HttpStatusCode.OK),6} × 200, p50 {F(Median(ms), 2)} ms, p99 {F(Percentile(ms, 99), 2)} ms";
        }

        Console.WriteLine($"\nthrottling: budget 50 000 points per hour per API key, dashboard query; greedy = 16 loops without pause, polite = 1 loop with 20 ms pauses, {F(seconds, 0)} s");
        Console.WriteLine($"  polite alone     {Figures(alone)}");
        Console.WriteLine($"  polite (loaded)  {Figures(polite)}");
        Console.WriteLine($"  greedy           {Figures(greedy)}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RlhfGraph.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Run the benchmarks from the repository.");
    }
}
