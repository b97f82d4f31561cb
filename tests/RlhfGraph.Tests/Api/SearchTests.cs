using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>search and autocomplete over real HTTP on the seeded database.</summary>
public abstract class SearchTests(ApiFactory api) : DatabaseTests(api)
{
    private const string SearchQuery = """
        query ($q: String!, $first: Int, $after: String, $types: [SearchType!]) {
          search(query: $q, first: $first, after: $after, types: $types) {
            totalCount
            pageInfo { hasNextPage hasPreviousPage endCursor }
            edges { cursor score node { __typename ... on Paper { id title arxivId } ... on Author { id name } ... on Dataset { id name } ... on Codebase { id name url } } }
          }
        }
        """;

    [Fact]
    public async Task TheRankingCasesHoldOverHttp()
    {
        var dpo = (await api.PostAsync(SearchQuery, new { q = "direct preference optimization" })).ShouldSucceed();
        var sadigh = (await api.PostAsync(SearchQuery, new { q = "sadigh" })).ShouldSucceed();
        var hh = (await api.PostAsync(SearchQuery, new { q = "hh-rlhf" })).ShouldSucceed();

        Assert.Equal("2305.18290", (string)dpo.Data["search"]!["edges"]![0]!["node"]!["arxivId"]!);
        Assert.Equal(("Author", "Dorsa Sadigh"), ((string)sadigh.Data["search"]!["edges"]![0]!["node"]!["__typename"]!, (string)sadigh.Data["search"]!["edges"]![0]!["node"]!["name"]!));
        Assert.Equal(("Dataset", "HH-RLHF"), ((string)hh.Data["search"]!["edges"]![0]!["node"]!["__typename"]!, (string)hh.Data["search"]!["edges"]![0]!["node"]!["name"]!));
    }

    [Fact]
    public async Task PagesFollowEachOtherBestFirstWithoutOverlap()
    {
        var first = (await api.PostAsync(SearchQuery, new { q = "reward model", first = 5 })).ShouldSucceed().Data["search"]!;
        var second = (await api.PostAsync(SearchQuery, new { q = "reward model", first = 5, after = (string)first["pageInfo"]!["endCursor"]! })).ShouldSucceed().Data["search"]!;
        var all = (await api.PostAsync(SearchQuery, new { q = "reward model", first = 10 })).ShouldSucceed().Data["search"]!;

        var ids = first["edges"]!.AsArray().Concat(second["edges"]!.AsArray()).Select(e => (string)e!["node"]!["id"]!).ToList();
        Assert.Equal(all["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!), ids);
        var scores = all["edges"]!.AsArray().Select(e => (double)e!["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((int)first["totalCount"]! > 10);
        Assert.Equal((int)first["totalCount"]!, (int)second["totalCount"]!);
    }

    [Fact]
    public async Task TypesLimitTheUnionMembersReturned()
    {
        var response = (await api.PostAsync(SearchQuery, new { q = "openai", first = 20, types = new[] { "AUTHOR", "DATASET" } })).ShouldSucceed();

        var typenames = response.Data["search"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["__typename"]!).Distinct().ToList();
        // OpenAI the organisation, and the datasets whose URLs are on openai's GitHub; none of the many papers.
        Assert.Equal(["Author", "Dataset"], typenames.Order());
    }

    [Fact]
    public async Task AutocompleteSuggestsDorsaSadighForSad()
    {
        var response = (await api.PostAsync("""
            { autocomplete(prefix: "sad", types: [AUTHOR], first: 3) { type label node { ... on Author { name paperCount } } } }
            """)).ShouldSucceed();

        var first = response.Data["autocomplete"]![0]!;
        Assert.Equal(("AUTHOR", "Dorsa Sadigh", "Dorsa Sadigh"), ((string)first["type"]!, (string)first["label"]!, (string)first["node"]!["name"]!));
    }

    [Theory]
    [InlineData("search(query: $q, first: -1) { totalCount }", "HC0079")]
    [InlineData("search(query: $q, after: \"bm90IGEgY3Vyc29y\") { totalCount }", "HC0078")]
    [InlineData("autocomplete(prefix: $q, first: 51) { label }", "INVALID_ARGUMENT")]
    public async Task BadArgumentsAreClearErrors(string field, string code)
    {
        var response = await api.PostAsync($"query ($q: String!) {{ {field} }}", new { q = "rlhf" });

        Assert.Equal(code, (string)response.Errors![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task AnOverlongQueryIsRefusedBeforeTouchingTheDatabase()
    {
        var response = await api.PostAsync(SearchQuery, new { q = new string('a', 201) });

        Assert.Equal("INVALID_ARGUMENT", (string)response.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal(0, response.Statements);
    }

    [Fact]
    public async Task ASearchCostsOneStatementForHitsOneForTheCountAndOneForTheNodesOfEveryKindFound()
    {
        var response = (await api.PostAsync(SearchQuery, new { q = "hh-rlhf", first = 10 })).ShouldSucceed();

        var kinds = response.Data["search"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["__typename"]!).Distinct().Count();
        // The anthropics/hh-rlhf codebase (001:146, 001:158) and the HH-RLHF dataset (003's Dataset section).
        Assert.Equal(2, kinds);
        Assert.Equal(2 + 1, response.Statements);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteSearchTests(SqliteApiFactory api) : SearchTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerSearchTests(SqlServerApiFactory api) : SearchTests(api);
