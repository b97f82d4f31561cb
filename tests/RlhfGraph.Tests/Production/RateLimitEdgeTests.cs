using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Api.Persisted;
using RlhfGraph.Api.RateLimiting;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// Budgets that could be minted or dodged (issue 18, cases 6, 7 and 8): made-up API keys share their IP address's
/// budget; the client table is bounded in entries and bytes; requests that run nothing pay for the bytes they made
/// the server read; automatic persisted queries register only documents that ran, for a charge, within a byte bound.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class RateLimitEdgeTests(SqliteApiFactory api)
{
    private const string Query = "{ stats { paperCount } }";

    private WebApplicationFactory<Program> Host(int budget = 100_000, params (string Key, string Value)[] settings) => api.WithWebHostBuilder(b =>
    {
        b.UseSetting("RateLimits:Budget", budget.ToString(CultureInfo.InvariantCulture)).UseSetting("RateLimits:ApiKeyHeader", "X-Api-Key");
        foreach (var (key, value) in settings) b.UseSetting(key, value);
    });

    private static HttpRequestMessage Post(string body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    }

    private static async Task<(HttpStatusCode Status, long Remaining)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            return (response.StatusCode, long.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture));
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task MadeUpApiKeysShareTheirAddresssBudgetWhileAConfiguredKeyHasItsOwn()
    {
        await using var host = Host(settings: [("RateLimits:ApiKeys:0", "known-key")]);
        using var client = host.CreateClient();
        var limits = host.Services.GetRequiredService<CostRateLimits>();

        var (_, first) = await SendAsync(client, Post(Json(new { query = Query }), "made-up-1"));
        var (_, second) = await SendAsync(client, Post(Json(new { query = Query }), "made-up-2"));
        for (var i = 0; i < 200; i++) await SendAsync(client, Post(Json(new { query = Query }), $"made-up-{i + 3}"));
        var (_, known) = await SendAsync(client, Post(Json(new { query = Query }), "known-key"));

        Assert.True(second < first, $"{second} after {first}: the second made-up key got a budget of its own");
        Assert.True(known > second, $"the configured key's own budget ({known}) should be untouched by the address's ({second})");
        Assert.Equal(2, limits.Size.Clients);  // the address and the configured key, not 202 keys
    }

    [Fact]
    public async Task TheClientTableIsBoundedInEntriesAndInBytes()
    {
        var keys = Enumerable.Range(0, 120).Select(i => $"key-{i}").ToArray();
        var settings = keys.Select((k, i) => ($"RateLimits:ApiKeys:{i}", k)).ToList();
        await using var byCount = Host(settings: [.. settings, ("RateLimits:MaxClients", "50")]);
        var entry = CostRateLimits.SizeOf("key:" + DocumentHash.Of("key-0"));
        await using var byBytes = Host(settings: [.. settings, ("RateLimits:MaxClientBytes", (20 * entry).ToString(CultureInfo.InvariantCulture))]);

        foreach (var host in (WebApplicationFactory<Program>[])[byCount, byBytes])
        {
            using var client = host.CreateClient();
            foreach (var key in keys) await SendAsync(client, Post(Json(new { query = "{ __typename }" }), key));
        }

        var counted = byCount.Services.GetRequiredService<CostRateLimits>().Size;
        var weighed = byBytes.Services.GetRequiredService<CostRateLimits>().Size;
        Assert.Equal(50, counted.Clients);
        Assert.InRange(weighed.Clients, 1, 20);
        Assert.InRange(weighed.Bytes, 1, 20 * entry);
    }

    [Fact]
    public async Task RequestsThatRunNothingPayForTheBytesTheyMadeTheServerRead()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var options = host.Services.GetRequiredService<CostRateLimits>().Options;
        var hugeVariables = Json(new { query = "query ($o: [PaperSortInput!]) { papers(order: $o) { totalCount } }", variables = new { o = Enumerable.Range(0, 20_000).Select(_ => new { year = "ASC" }) } });

        var (_, start) = await SendAsync(client, Post(Json(new { query = Query })));
        var (syntaxStatus, afterSyntax) = await SendAsync(client, Post(Json(new { query = "{ papers(" })));
        var (hugeStatus, afterHuge) = await SendAsync(client, Post(hugeVariables));
        var badJson = "{\"query\": " + new string('[', 5_000);
        var (badJsonStatus, afterBadJson) = await SendAsync(client, Post(badJson));
        long Charge(string body) => Math.Max(options.RefusalMinimum, (Encoding.UTF8.GetByteCount(body) + options.RefusalBytesPerPoint - 1) / options.RefusalBytesPerPoint);

        Assert.Equal(HttpStatusCode.BadRequest, syntaxStatus);
        Assert.Equal(options.RefusalMinimum, start - afterSyntax);
        Assert.Equal(HttpStatusCode.BadRequest, hugeStatus);
        Assert.Equal(Charge(hugeVariables), afterSyntax - afterHuge);
        Assert.InRange(afterSyntax - afterHuge, 2_000, 4_000);
        Assert.Equal(HttpStatusCode.BadRequest, badJsonStatus);
        Assert.Equal(Charge(badJson), afterHuge - afterBadJson);
    }

    [Fact]
    public async Task AClientSendingOnlyRefusedRequestsRunsOutOfBudget()
    {
        await using var host = Host(budget: 1_000);
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 120; i++) statuses.Add((await SendAsync(client, Post(Json(new { query = "{ nope }" })))).Status);

        Assert.Equal(HttpStatusCode.BadRequest, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task AutomaticPersistedQueriesRegisterOnlyDocumentsThatRanAndChargeForIt()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        var handler = host.Services.GetRequiredService<PersistedOperationHandler>();
        static string Register(string query) => Json(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(query) } } });
        static string ByHash(string query) => Json(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(query) } } });

        for (var i = 0; i < 30; i++) await SendAsync(client, Post(Register($"{{ nope{i} }}")));
        var invalidCount = handler.RegisteredCount;
        using var lookup = await client.SendAsync(Post(ByHash("{ nope0 }")));
        var (_, before) = await SendAsync(client, Post(Json(new { query = Query })));
        var (_, afterPlain) = await SendAsync(client, Post(Json(new { query = Query })));
        const string Valid = "query Registered { stats { paperCount } }";
        var (registered, afterRegistration) = await SendAsync(client, Post(Register(Valid)));
        var (replayed, _) = await SendAsync(client, Post(ByHash(Valid)));

        Assert.Equal(0, invalidCount);
        Assert.Contains(PersistedOperationHandler.NotFound, await lookup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (registered, replayed));
        Assert.Equal(1, handler.RegisteredCount);
        Assert.True(afterPlain - afterRegistration > before - afterPlain, $"registration cost {afterPlain - afterRegistration}, the plain query {before - afterPlain}");
    }

    [Fact]
    public async Task RegisteredDocumentsAreBoundedByBytesAsWellAsByCount()
    {
        await using var host = Host(settings: [("PersistedOperations:AutomaticCacheBytes", "200000"), ("PersistedOperations:AutomaticCacheSize", "1000")]);
        using var client = host.CreateClient();
        var handler = host.Services.GetRequiredService<PersistedOperationHandler>();
        for (var i = 0; i < 30; i++)
        {
            var query = $"# {i} {new string('x', 10_000)}\nquery Big{i} {{ __typename }}";
            var (status, _) = await SendAsync(client, Post(Json(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(query) } } })));
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.InRange(handler.RegisteredCount, 1, 200_000 / 20_000);
    }
}
