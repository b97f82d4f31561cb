using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// What the API exports over OTLP/HTTP, as a collector receives it: a real exporter posting protobuf to a real endpoint
/// (<see cref="OtlpReceiver"/>) configured only by the standard OTEL_* variables. The exporter sees every host the suite
/// runs in parallel, so each request carries a trace of its own (W3C traceparent) and only that trace is read.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class OtlpExportTests(SqliteApiFactory api, ITestOutputHelper output)
{
    private const string EfScope = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    private WebApplicationFactory<Program> Exporting(OtlpReceiver receiver, int budget = 2_000_000_000) => api.WithWebHostBuilder(b => b
        .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.ToString().TrimEnd('/'))
        .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
        .UseSetting("OTEL_SERVICE_NAME", "rlhfgraph-under-test")
        .UseSetting("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=otlp-test,service.namespace=frontend")
        .UseSetting("RateLimits:Budget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:ApiKeyHeader", "X-Api-Key")
        // Only configured keys get budgets of their own (an unknown key is metered as its IP).
        .UseSetting("RateLimits:ApiKeys:0", "otlp").UseSetting("RateLimits:ApiKeys:1", "a").UseSetting("RateLimits:ApiKeys:2", "b").UseSetting("RateLimits:ApiKeys:3", "cost"));

    private static HttpRequestMessage Request(string query, string trace, string key = "otlp")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add("GraphQL-Cost", "report");
        return request;
    }

    private static void Flush(WebApplicationFactory<Program> factory)
    {
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    [Fact]
    public async Task EveryStatementIsADatabaseSpanWithItsOperationAndTableUnderItsOperationAndTheServiceIsNamedByOtelVariables()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var factory = Exporting(receiver);
        using var client = factory.CreateClient();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        // A planned statement (papers with nested lists), FTS search (EF Core's own SqlQueryRaw) and a node lookup.
        const string query = """
            query Traced { papers(first: 3, order: { year: DESC }) { nodes { title authors { nodes { name } } } }
              search(query: "preference", first: 2) { totalCount } stats { paperCount } }
            """;
        using var response = await client.SendAsync(Request(query, trace));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // ASP.NET Core ends the request's span just after the answer is read, so a flush can come before it: flush until it is there.
        var spans = new List<OtlpReceiver.Span>();
        for (var attempt = 0; attempt < 100 && !spans.Any(s => s.Name.StartsWith("POST", StringComparison.Ordinal)); attempt++)
        {
            if (attempt > 0) await Task.Delay(100, TestContext.Current.CancellationToken);
            Flush(factory);
            spans = receiver.Spans().Where(s => s.TraceId == trace).ToList();
        }

        output.WriteLine(Dump(spans));
        var operation = Assert.Single(spans, s => s.Name == "query Traced");
        // Every host alive in the test process (the suite runs several) adds its own EF Core instrumentation, and each wraps
        // a command in a span of its own, only one of which sees the statement; a process with one host has that one.
        var database = spans.Where(s => s.Scope == EfScope && Descends(s, operation, spans) && s.Attributes.Keys.Any(k => k is "db.statement" or "db.query.text")).ToList();
        Assert.Equal("Traced", operation.Attributes["graphql.operation.name"]);
        Assert.Equal((long)operation.Attributes["rlhfgraph.statements"]!, database.Count);
        Assert.True(database.Count >= 3, Dump(spans));
        Assert.All(database, s =>
        {
            Assert.Equal("SELECT", s.Attributes["db.operation.name"]);
            Assert.Equal($"SELECT {s.Attributes["db.collection.name"]}", s.Name);
            Assert.Contains(s.Attributes, a => a.Key is "db.statement" or "db.query.text" && ((string)a.Value!).Contains("SELECT", StringComparison.Ordinal));
        });
        Assert.Contains(database, s => (string?)s.Attributes["db.collection.name"] == "Papers");
        var http = Assert.Single(spans, s => s.SpanId == operation.ParentSpanId);
        Assert.Equal("Traced", http.Attributes["graphql.operation.name"]);
        Assert.All(spans, s =>
        {
            Assert.Equal("rlhfgraph-under-test", s.Resource["service.name"]);
            Assert.Equal("otlp-test", s.Resource["deployment.environment.name"]);
        });
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults")).FullName, "otlp-trace.txt"), Dump(spans));
    }

    [Fact]
    public async Task AThrottledOperationKeepsItsNameOnItsSpanAndEveryMetricWhetherRefusedBeforeOrAtExecution()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        const string greedy = "query Greedy { stats { paperCount } }";
        const string dearer = "query Dearer { papers(first: 5) { nodes { title } } stats { paperCount } }";
        var (c, d) = (await CostAsync(greedy), await CostAsync(dearer));
        Assert.True(c < d && d <= 2 * c, $"the test needs c < d ≤ 2c; got {c} and {d}");
        await using var factory = Exporting(receiver, budget: 2 * c);
        using var client = factory.CreateClient();
        var trace = ActivityTraceId.CreateRandom().ToHexString();

        // Client a spends its budget exactly; its third request is refused before anything is read or parsed.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Request(greedy, trace, "a"));
            statuses.Add(response.StatusCode);
        }

        // Client b has c left when it asks for d: refused by the charger, between validation and execution.
        using (var first = await client.SendAsync(Request(greedy, trace, "b"))) statuses.Add(first.StatusCode);
        using (var refused = await client.SendAsync(Request(dearer, trace, "b"))) statuses.Add(refused.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Flush(factory);

        var spans = receiver.Spans().Where(s => s.TraceId == trace).ToList();
        output.WriteLine(Dump(spans));
        Assert.Equal(4, spans.Count(s => s.Name == "query Greedy"));
        Assert.Single(spans, s => s.Name == "query Greedy" && (string?)s.Attributes.GetValueOrDefault("error.type") == "RATE_LIMITED");
        Assert.Single(spans, s => s.Name == "query Dearer" && (string?)s.Attributes.GetValueOrDefault("error.type") == "RATE_LIMITED");
        Assert.DoesNotContain(spans, s => (string?)s.Attributes.GetValueOrDefault("graphql.operation.name") == "(anonymous)");

        var throttled = receiver.MetricPoints("rlhfgraph.ratelimit.throttled").Select(p => (string?)p.GetValueOrDefault("graphql.operation.name")).ToList();
        Assert.Contains("Greedy", throttled);
        Assert.Contains("Dearer", throttled);
        Assert.DoesNotContain("(anonymous)", throttled);
        var errors = receiver.MetricPoints("rlhfgraph.graphql.errors");
        Assert.Contains(errors, p => (string?)p["graphql.operation.name"] == "Greedy" && (string?)p["error.code"] == "RATE_LIMITED");
        Assert.Contains(errors, p => (string?)p["graphql.operation.name"] == "Dearer" && (string?)p["error.code"] == "RATE_LIMITED");
    }

    private async Task<int> CostAsync(string query)
    {
        using var client = api.CreateClient();
        using var request = Request(query, ActivityTraceId.CreateRandom().ToHexString(), "cost");
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (int)Math.Ceiling(body["extensions"]!["operationCost"]!["fieldCost"]!.GetValue<double>());
    }

    private static bool Descends(OtlpReceiver.Span span, OtlpReceiver.Span ancestor, List<OtlpReceiver.Span> spans)
    {
        for (var current = span; current is not null; current = spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId) return true;
        }

        return false;
    }

    /// <summary>The trace as an indented tree: name, scope and attributes of each span.</summary>
    private static string Dump(List<OtlpReceiver.Span> spans)
    {
        var text = new StringBuilder();
        if (spans.Count > 0)
            text.AppendLine($"resource: {string.Join(", ", spans[0].Resource.Where(a => !a.Key.StartsWith("telemetry.", StringComparison.Ordinal)).Select(a => $"{a.Key}={a.Value}"))}");
        void Write(OtlpReceiver.Span span, int depth)
        {
            text.AppendLine($"{new string(' ', depth * 2)}{span.Name}  [{span.Scope}]{(span.StatusCode == 2 ? " ERROR" : "")}");
            foreach (var (key, value) in span.Attributes.Where(a => a.Key.StartsWith("db.", StringComparison.Ordinal) || a.Key.StartsWith("graphql.", StringComparison.Ordinal) || a.Key.StartsWith("rlhfgraph.", StringComparison.Ordinal) || a.Key is "error.type"))
                text.AppendLine($"{new string(' ', (depth * 2) + 4)}{key} = {Shorten(value?.ToString())}");
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId)) Write(child, depth + 1);
        }

        foreach (var root in spans.Where(s => spans.All(p => p.SpanId != s.ParentSpanId))) Write(root, 0);
        return text.ToString();
    }

    private static string? Shorten(string? value) => value is { Length: > 160 } ? value[..160] + "…" : value;
}
