using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RlhfGraph.LoadTest;

/// <summary>
/// Sends a bounded number of GraphQL requests, a mix of given queries, through one HttpClient at a fixed
/// concurrency, and measures what came back. Shared by the console (a real server over loopback) and the
/// test suite's short run (the in-memory server).
/// </summary>
public sealed class LoadDriver(HttpClient client, Uri endpoint, IReadOnlyList<string> queries)
{
    /// <summary>Sampled between requests (e.g. the server's resident memory); null when not sampled.</summary>
    public Func<long?>? SampleMemory { get; init; }

    public async Task<LoadResult> RunAsync(int requests, int concurrency, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var latencies = new double[requests];
        var statuses = new int[requests];
        var malformed = 0;
        var failures = 0;
        var next = -1;
        var memory = new List<(int Request, long Bytes)>();
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { query = queries[i % queries.Count] }), Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    statuses[i] = (int)response.StatusCode;
                    if (!IsGraphQLSuccess(body)) Interlocked.Increment(ref malformed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (SampleMemory is not null && i % Math.Max(1, requests / 40) == 0 && SampleMemory() is { } bytes)
                {
                    lock (memory) memory.Add((i, bytes));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken))).ConfigureAwait(false);
        clock.Stop();

        // Request i sent queries[i % Count]: each operation's median, in catalog order.
        var byQuery = Enumerable.Range(0, queries.Count)
            .Select(q => latencies.Where((_, i) => i % queries.Count == q).Order().ToArray())
            .Select(l => l.Length == 0 ? double.NaN : l[(l.Length - 1) / 2])
            .ToList();
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        long? MeanMemory(Func<int, bool> half) =>
            memory.Where(m => half(m.Request)).Select(m => m.Bytes).DefaultIfEmpty().Average() is var mean and > 0 ? (long)mean : null;
        return new LoadResult(
            requests,
            concurrency,
            clock.Elapsed,
            requests / clock.Elapsed.TotalSeconds,
            Percentile(0.50),
            Percentile(0.99),
            sorted[^1],
            statuses.Count(s => s >= 500),
            statuses.Count(s => s is > 0 and not 200) + failures + malformed,
            MeanMemory(i => i < requests / 2),
            MeanMemory(i => i >= requests / 2))
        { MedianMillisecondsByQuery = byQuery };
    }

    /// <summary>A 200 whose body is a GraphQL response with data and no errors.</summary>
    private static bool IsGraphQLSuccess(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && !json.RootElement.TryGetProperty("errors", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>What a load run measured. Errors count non-200 answers, transport failures and answers with GraphQL errors.</summary>
public sealed record LoadResult(
    int Requests, int Concurrency, TimeSpan Elapsed, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds,
    double MaxMilliseconds, int ServerErrors, int Errors, long? MemoryFirstHalf, long? MemorySecondHalf)
{
    /// <summary>Median latency of each query of the mix, in the order the driver was given them.</summary>
    public IReadOnlyList<double> MedianMillisecondsByQuery { get; init; } = [];

    public override string ToString() =>
        $"{Requests} requests at {Concurrency} concurrent in {Elapsed.TotalSeconds:0.0} s: {RequestsPerSecond:0} req/s, " +
        $"p50 {P50Milliseconds:0.0} ms, p99 {P99Milliseconds:0.0} ms, max {MaxMilliseconds:0.0} ms, {Errors} errors, {ServerErrors} 5xx" +
        (MemoryFirstHalf is { } a && MemorySecondHalf is { } b ? $", server RSS first half {a / 1048576.0:0} MB, second half {b / 1048576.0:0} MB" : string.Empty);
}
