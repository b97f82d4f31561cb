using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Execution;

/// <summary>
/// The document cache cannot be filled with junk: distinct documents sent once never enter it, so the ones a real
/// client repeats stay cached, and whatever enters is bounded by bytes.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class DocumentCacheTests(SqliteApiFactory api)
{
    private const string Real = "query Dashboard { sources { name } }";

    // Valid, executable, near the length limit, and different each time (the comment is not a token).
    private static string Junk(int i) => $"# {i} {new string('x', 32_000)}\n{{ __typename }}";

    [Fact]
    public async Task TwoThousandDistinctLargeDocumentsNeitherEnterTheCacheNorPushOutARealOne()
    {
        await using var host = api.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        var cache = host.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();
        for (var i = 0; i < 2; i++)
        {
            using var request = ApiFactory.GraphQLRequest(Real);
            (await api.SendAsync(request, client)).ShouldSucceed();
        }

        for (var i = 0; i < 2_000; i++)
        {
            using var request = ApiFactory.GraphQLRequest(Junk(i));
            (await api.SendAsync(request, client)).ShouldSucceed();
        }

        // The cache's own accounting, not the process's heap (which every test running beside this one moves).
        Assert.Equal(1, cache.Count);
        Assert.InRange(cache.Bytes, 1, DocumentCache.SizeOf(Real) * 2);
        // The real document is still served from the cache (it stays the only entry after being used again).
        using (var again = ApiFactory.GraphQLRequest(Real)) (await api.SendAsync(again, client)).ShouldSucceed();
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task DocumentsUsedTwiceEnterTheCacheOnlyWithinItsByteBudget()
    {
        await using var host = api.WithWebHostBuilder(b => b.UseSetting("Limits:DocumentCacheBytes", "2000000"));
        using var client = host.CreateClient();
        var cache = host.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();
        var budget = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitsOptions>>().Value.DocumentCacheBytes;

        for (var i = 0; i < 100; i++)
        {
            for (var twice = 0; twice < 2; twice++)
            {
                using var request = ApiFactory.GraphQLRequest(Junk(i));
                (await api.SendAsync(request, client)).ShouldSucceed();
            }
        }

        Assert.Equal(2_000_000, budget);
        Assert.InRange(cache.Bytes, 1, budget);
        Assert.InRange(cache.Count, 1, (int)(budget / DocumentCache.SizeOf(Junk(0))));
    }

    [Fact]
    public async Task AnOperationThatPassedWithoutVariablesSkipsTheLimitsAgainButVariablesAreAlwaysChecked()
    {
        // Three nested lists of $n: 1 by default (cheap), 50 from variables (50³ papers: far over the cost limit).
        const string Nested = "query Nested($n: Int = 1) { papers(first: $n) { nodes { authors(first: $n) { nodes { papers(first: $n) { nodes { title } } } } } } }";
        await using var host = api.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        var cache = host.Services.GetServices<IConfigureExecution>().OfType<DocumentCache>().Single();
        var costs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var request = ApiFactory.GraphQLRequest(Nested);
            request.Headers.Add("GraphQL-Cost", "report");
            var answer = (await api.SendAsync(request, client)).ShouldSucceed();
            costs.Add(answer.Body["extensions"]!["operationCost"]!.ToJsonString());
        }

        // Checked in full on the first three (a document enters the cache on its second use and is checked once from
        // there), answered with the remembered cost on the last two.
        Assert.Equal(2, cache.AdmittedAgain);
        Assert.Single(costs.Distinct());

        using var expensive = ApiFactory.GraphQLRequest(Nested, new { n = 50 });
        var refused = await api.SendAsync(expensive, client);
        Assert.Equal(QueryCost.CostExceeded, refused.Code);
        Assert.Equal(2, cache.AdmittedAgain);
    }
}
