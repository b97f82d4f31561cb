using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Planning;

/// <summary>
/// Compiled statements are reused per document, operation, root field and variables; junk cannot fill the cache,
/// and what a cached statement answers is what a freshly planned one answers.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class PlanCacheTests(SqliteApiFactory api)
{
    private const string Query = "query ($year: Int!) { papers(first: 5, where: { year: { gte: $year } }, order: [{ year: DESC }]) { totalCount nodes { title authors(first: 2) { nodes { name } } } } }";

    [Fact]
    public async Task ARepeatedRequestReusesItsStatementAndAnswersTheSame()
    {
        await using var host = api.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<PlanCache>();

        var answers = new List<GraphQLResponse>();
        for (var i = 0; i < 3; i++)
        {
            using var request = ApiFactory.GraphQLRequest(Query, new { year = 2022 });
            answers.Add((await api.SendAsync(request, client)).ShouldSucceed());
        }

        Assert.Equal(1, cache.Count);  // admitted on its second use, served from the cache on the third
        Assert.All(answers, a => Assert.True(JsonNode.DeepEquals(answers[0].Data, a.Data)));
        Assert.All(answers, a => Assert.Equal(1, a.Statements));

        // Other variables are another statement: the cached one is not answered for them.
        using var other = ApiFactory.GraphQLRequest(Query, new { year = 2024 });
        var newer = (await api.SendAsync(other, client)).ShouldSucceed();
        Assert.NotEqual(answers[0].Data["papers"]!["totalCount"]!.GetValue<int>(), newer.Data["papers"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ThousandsOfDistinctRequestsSentOnceNeverEnterTheCache()
    {
        await using var host = api.WithWebHostBuilder(_ => { });
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<PlanCache>();
        for (var twice = 0; twice < 2; twice++)
        {
            using var request = ApiFactory.GraphQLRequest(Query, new { year = 2020 });
            (await api.SendAsync(request, client)).ShouldSucceed();
        }

        for (var i = 0; i < 2_000; i++)
        {
            using var request = ApiFactory.GraphQLRequest(Query, new { year = 1000 + i });
            (await api.SendAsync(request, client)).ShouldSucceed();
        }

        Assert.Equal(1, cache.Count);
        Assert.InRange(cache.Bytes, 1, 64 * 1024);
    }

    [Fact]
    public async Task TheCacheStaysWithinItsByteBudget()
    {
        await using var host = api.WithWebHostBuilder(b => b.UseSetting("Planning:CacheBytes", "200000"));
        using var client = host.CreateClient();
        var cache = host.Services.GetRequiredService<PlanCache>();
        for (var i = 0; i < 200; i++)
        {
            for (var twice = 0; twice < 2; twice++)
            {
                using var request = ApiFactory.GraphQLRequest(Query, new { year = 1000 + i });
                (await api.SendAsync(request, client)).ShouldSucceed();
            }

            Assert.InRange(cache.Bytes, 0, 200_000);
        }

        Assert.InRange(cache.Count, 10, 199);
    }
}
