using System.Diagnostics;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// The closed-loop load of the server benchmarks: <c>concurrency</c> workers each send a request, read the whole
/// body, and send the next, until the time or the request budget is spent. Latencies are measured per request.
/// </summary>
internal static class LoadTest
{
    public sealed record Result(int Requests, double Seconds, List<double> Latencies)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send, int concurrency, double seconds, int maxRequests = int.MaxValue)
    {
        var started = 0;
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (until.Elapsed.TotalSeconds < seconds && Interlocked.Increment(ref started) <= maxRequests)
            {
                var clock = Stopwatch.StartNew();
                using var response = await send(client);
                await response.Content.CopyToAsync(Stream.Null);
                response.EnsureSuccessStatusCode();
                mine.Add(clock.Elapsed.TotalMilliseconds);
            }

            return mine;
        }).ToList();
        var latencies = new List<double>();
        foreach (var mine in await Task.WhenAll(workers)) latencies.AddRange(mine);
        return new Result(latencies.Count, until.Elapsed.TotalSeconds, latencies);
    }
}
