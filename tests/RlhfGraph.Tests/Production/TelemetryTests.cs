using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RlhfGraph.Api.Observability;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>OpenTelemetry traces and metrics of real requests, read with the SDK's in-memory exporter.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class TelemetryTests(SqliteApiFactory api)
{
    private static readonly string DashboardQuery = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/Api/Dashboard/Operations/DashboardStats.graphql"));

    [Fact]
    public async Task AnOperationIsOneSpanWithItsNameCostAndStatementsUnderTheHttpSpanAndAboveItsDatabaseCommands()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var traced = api.WithWebHostBuilder(b => b.ConfigureServices(services => services
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics))));

        using var client = traced.CreateClient();
        using var ok = ApiFactory.GraphQLRequest(DashboardQuery);
        var response = (await api.SendAsync(ok, client)).ShouldSucceed();
        using var bad = ApiFactory.GraphQLRequest("{ papers(first: 1000) { totalCount } }");
        var refused = await api.SendAsync(bad, client);
        traced.Services.GetRequiredService<TracerProvider>().ForceFlush();
        traced.Services.GetRequiredService<MeterProvider>().ForceFlush();

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
        // ASP.NET Core's own (its request duration is recorded after the answer is sent, so a flush may come before it).
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
