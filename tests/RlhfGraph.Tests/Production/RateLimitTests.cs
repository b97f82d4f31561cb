using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>Cost budgets per client with GitHub's X-RateLimit-* headers (docs.github.com, "Rate limits and query limits for the GraphQL API").</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class RateLimitTests(SqliteApiFactory api, ITestOutputHelper output)
{
    private const string Query = "{ papers(first: 10) { nodes { title } } }";

    private WebApplicationFactory<Program> WithBudget(int budget) => api.WithWebHostBuilder(b => b
        .UseSetting("RateLimits:Budget", budget.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:ApiKeyHeader", "X-Api-Key")
        .UseSetting("RateLimits:ApiKeys:0", "a").UseSetting("RateLimits:ApiKeys:1", "greedy").UseSetting("RateLimits:ApiKeys:2", "polite"));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string query = Query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add("GraphQL-Cost", "report");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return await client.SendAsync(request);
    }

    private static long Header(HttpResponseMessage response, string name) => long.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryResponseCarriesTheBudgetAndEachOperationSpendsItsCost()
    {
        await using var factory = WithBudget(1000);
        using var client = factory.CreateClient();
        using var first = await PostAsync(client, "a");
        var cost = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["extensions"]!["operationCost"]!["fieldCost"]!.GetValue<double>();
        using var second = await PostAsync(client, "a");
        using var refused = await PostAsync(client, "a", "{ papers(");
        using var ide = await client.GetAsync("/graphql?sdl");

        Assert.Equal(1000, Header(first, "X-RateLimit-Limit"));
        Assert.Equal((long)cost, Header(first, "X-RateLimit-Used"));
        Assert.Equal(1000 - (2 * (long)cost), Header(second, "X-RateLimit-Remaining"));
        Assert.Equal(Header(second, "X-RateLimit-Remaining") - 10, Header(refused, "X-RateLimit-Remaining"));  // refused before execution: the minimum charge
        Assert.InRange(Header(first, "X-RateLimit-Reset") - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 3500, 3600);
        Assert.True(ide.Headers.Contains("X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task OverBudgetIs429WithRetryAfterAndAGraphQLErrorSayingWhatIsLeftAndWhen()
    {
        await using var factory = WithBudget(250);
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        var last = "";
        for (var i = 0; i < 50 && throttled is null; i++)
        {
            var response = await PostAsync(client, "greedy");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) throttled = response;
            else
            {
                last = $"{response.Headers.GetValues("X-RateLimit-Remaining").Single()} left after {await response.Content.ReadAsStringAsync()}";
                response.Dispose();
            }
        }

        Assert.True(throttled is not null, $"{string.Join(",", statuses)}; {last}");
        using (throttled)
        {
            var body = JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
            var error = body["errors"]![0]!;
            Assert.Null(body["data"]);
            Assert.Equal("RATE_LIMITED", (string?)error["extensions"]!["code"]);
            Assert.Contains("left", (string)error["message"]!, StringComparison.Ordinal);
            Assert.Contains("resets at", (string)error["message"]!, StringComparison.Ordinal);
            Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        }

        using var other = await PostAsync(client, "polite");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task AnOperationDearerThanTheWholeBudgetIsRefusedAsSuchWithoutRetryAfterAndPaysOnlyWhatARefusalPays()
    {
        await using var factory = WithBudget(5000);
        using var client = factory.CreateClient();
        var authorCodeDatasets = RepositoryFiles.ReadmeQueries().Single(q => q.Contains("query AuthorCodeDatasets", StringComparison.Ordinal));

        using var refused = await PostAsync(client, "big", authorCodeDatasets);
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        var error = body["errors"]![0]!;

        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, body.ToJsonString());
        Assert.Equal("COST_EXCEEDS_BUDGET", (string?)error["extensions"]!["code"]);
        Assert.Contains("can never run", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Null(refused.Headers.RetryAfter);
        // Not its 24,342 points: only what any refused request of its size pays (RateLimits:RefusalMinimum, 10, for a body under 1,000 bytes).
        Assert.Equal(5000 - 10, Header(refused, "X-RateLimit-Remaining"));
        using var next = await PostAsync(client, "big");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    /// <summary>The budget the README's rate-limit example starts the server with admits every operation the README shows.</summary>
    [Fact]
    public async Task TheReadmeExampleBudgetAdmitsEveryReadmeOperation()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var match = System.Text.RegularExpressions.Regex.Match(readme, @"RateLimits__Budget=(\d+)");
        Assert.True(match.Success, "the README shows a RateLimits__Budget example");
        var budget = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var factory = WithBudget(budget);
        using var client = factory.CreateClient();

        foreach (var query in RepositoryFiles.ReadmeQueries())
        {
            using var response = await PostAsync(client, Guid.NewGuid().ToString("N"), query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)!["errors"] is null, $"{response.StatusCode} for {query}: {body}");
        }
    }

    /// <summary>
    /// Bounded load (at most 600 greedy requests, 30 polite ones, 60 s): a greedy client with 8 concurrent loops is throttled
    /// while a polite one, on its own budget, is never refused. The latencies are printed for docs/benchmarks.md, not asserted.
    /// </summary>
    [Fact]
    public async Task AGreedyClientIsThrottledWhileAPoliteOneIsNot()
    {
        await using var factory = WithBudget(3000);
        using var client = factory.CreateClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var greedy = new List<(HttpStatusCode Status, double Ms)>();
        var remaining = 600;
        async Task GreedyLoop()
        {
            while (Interlocked.Decrement(ref remaining) >= 0 && !deadline.IsCancellationRequested)
            {
                var clock = Stopwatch.StartNew();
                using var response = await PostAsync(client, "greedy");
                lock (greedy) greedy.Add((response.StatusCode, clock.Elapsed.TotalMilliseconds));
            }
        }

        var polite = new List<(HttpStatusCode Status, double Ms)>();
        async Task PoliteLoop()
        {
            for (var i = 0; i < 30 && !deadline.IsCancellationRequested; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await PostAsync(client, "polite");
                polite.Add((response.StatusCode, clock.Elapsed.TotalMilliseconds));
                await Task.Delay(50);
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, 8).Select(_ => GreedyLoop()), PoliteLoop()]);

        static string Figures(List<(HttpStatusCode Status, double Ms)> r)
        {
            var ms = r.Select(x => x.Ms).Order().ToList();
            return $"{r.Count} requests, {r.Count(x => x.Status == HttpStatusCode.TooManyRequests)} × 429, p50 {ms[ms.Count / 2]:F1} ms, p99 {ms[(int)(ms.Count * 0.99)]:F1} ms";
        }

        output.WriteLine($"greedy: {Figures(greedy)}");
        output.WriteLine($"polite: {Figures(polite)}");
        Assert.Contains(greedy, r => r.Status == HttpStatusCode.TooManyRequests);
        Assert.All(greedy, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.Status.ToString()));
        Assert.Equal(30, polite.Count);
        Assert.All(polite, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
