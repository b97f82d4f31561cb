using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RlhfGraph.Api.Observability;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// OpenTelemetry traces and metrics of real requests, read with the SDK's in-memory exporter. The sources it listens to
/// are process-wide (ASP.NET Core's, EF Core's diagnostics, the API's static ActivitySource), so while this test runs its
/// exporter also receives the spans of every other host the suite runs in parallel (imports, the browser's dashboard,
/// which sends DashboardStats too): the test's requests carry a trace of their own, and only that trace is kept.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class TelemetryTests(SqliteApiFactory api)
{
    private static readonly string DashboardQuery = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/Api/Dashboard/Operations/DashboardStats.graphql"));

    [Fact]
    public async Task AnOperationIsOneSpanWithItsNameCostAndStatementsUnderTheHttpSpanAndAboveItsDatabaseCommands()
    {
        var trace = ActivityTraceId.CreateRandom();
        var exported = new OneTrace(trace);
        var metrics = new List<Metric>();
        await using var traced = api.WithWebHostBuilder(b => b.ConfigureServices(services => services
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exported))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics))));

        using var client = traced.CreateClient();
        using var ok = InTrace(ApiFactory.GraphQLRequest(DashboardQuery), trace);
        var response = (await api.SendAsync(ok, client)).ShouldSucceed();
        using var bad = InTrace(ApiFactory.GraphQLRequest("{ papers(first: 1000) { totalCount } }"), trace);
        var refused = await api.SendAsync(bad, client);
        // ASP.NET Core ends its server span, and records its request duration, after the answer is sent: the client
        // can read the answer first. Wait for those events (not for a time), flushing each time.
        var spans = exported.Snapshot();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            traced.Services.GetRequiredService<TracerProvider>().ForceFlush();
            traced.Services.GetRequiredService<MeterProvider>().ForceFlush();
            spans = exported.Snapshot();
            var served = spans.Count(s => s.Kind == ActivityKind.Server) >= 2;
            if ((served && metrics.Any(m => m.Name.StartsWith("http.server.", StringComparison.Ordinal))) || DateTime.UtcNow > deadline) break;
            await Task.Delay(50);
        }

        var operation = Assert.Single(spans, s => s.DisplayName == "query DashboardStats");
        var http = Assert.Single(spans, s => s.SpanId == operation.ParentSpanId);
        var commands = spans.Where(s => s.ParentSpanId == operation.SpanId || s.Parent?.ParentSpanId == operation.SpanId).ToList();
        Assert.Equal(ActivityKind.Server, http.Kind);
        Assert.Equal("DashboardStats", operation.GetTagItem("graphql.operation.name"));
        Assert.True((double)operation.GetTagItem("rlhfgraph.cost")! > 0);
        Assert.Equal(response.Statements, (int)operation.GetTagItem("rlhfgraph.statements")!);
        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.Equal(ActivityKind.Client, c.Kind));
        Assert.NotNull(refused.Code);

        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "rlhfgraph.graphql.operation.duration", "rlhfgraph.graphql.operation.cost", "rlhfgraph.graphql.errors" }, names);
        // ASP.NET Core's own.
        Assert.Contains(names, n => n.StartsWith("http.server.", StringComparison.Ordinal));
        var duration = metrics.First(m => m.Name == "rlhfgraph.graphql.operation.duration");
        Assert.Contains(Points(duration), p => Tags(p).Contains(new("graphql.operation.name", "DashboardStats")));
        Assert.Contains(Points(metrics.First(m => m.Name == "rlhfgraph.graphql.errors")), p => Tags(p).Contains(new("error.code", refused.Code)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public void SpansAndMetricsAreExportedByOtlpOnlyWhenItsEndpointIsSet(string? endpoint, bool exported)
    {
        var builder = WebApplication.CreateBuilder();
        if (endpoint is not null) builder.Configuration[TelemetryExtensions.OtlpEndpointVariable] = endpoint;

        builder.AddTelemetry();

        Assert.Equal(exported, builder.Services.Any(d => (d.ServiceType.FullName + d.ImplementationType?.FullName).Contains("Otlp", StringComparison.Ordinal)));
    }

    /// <summary>The request as the child of a client span of <paramref name="trace"/> (W3C traceparent), so its server spans are in that trace.</summary>
    private static HttpRequestMessage InTrace(HttpRequestMessage request, ActivityTraceId trace)
    {
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    /// <summary>
    /// The exporter's collection: keeps the spans of one trace and drops the rest, and takes the exporter's adds
    /// (from whichever thread ends a span) while the test reads a copy.
    /// </summary>
    private sealed class OneTrace(ActivityTraceId trace) : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public int Count
        {
            get
            {
                lock (_spans) return _spans.Count;
            }
        }

        public bool IsReadOnly => false;

        public List<Activity> Snapshot()
        {
            lock (_spans) return [.. _spans];
        }

        public void Add(Activity item)
        {
            if (item.TraceId != trace) return;
            lock (_spans) _spans.Add(item);
        }

        public void Clear()
        {
            lock (_spans) _spans.Clear();
        }

        public bool Contains(Activity item)
        {
            lock (_spans) return _spans.Contains(item);
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (_spans) _spans.CopyTo(array, arrayIndex);
        }

        public bool Remove(Activity item)
        {
            lock (_spans) return _spans.Remove(item);
        }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints()) points.Add(point);
        return points;
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags) tags.Add(tag);
        return tags;
    }
}
