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
}
