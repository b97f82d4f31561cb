using System.Text;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>Global ids in HotChocolate's Base64 "Type:id" format, resolvable through node and nodes for every type.</summary>
public abstract class NodeTests(ApiFactory api) : DatabaseTests(api)
{
    [Theory]
    [InlineData("papers", "Paper", "title")]
    [InlineData("authors", "Author", "name")]
    [InlineData("codebases", "Codebase", "name")]
    [InlineData("datasets", "Dataset", "name")]
    [InlineData("keywords", "Keyword", "name")]
    public async Task EveryTypeRoundTripsThroughNodeAndNodes(string list, string type, string field)
    {
        var page = (await api.PostAsync($"{{ {list}(first: 3) {{ nodes {{ id {field} }} }} }}")).ShouldSucceed().Data[list]!["nodes"]!.AsArray();
        var ids = page.Select(n => (string)n!["id"]!).ToList();

        Assert.All(ids, id => Assert.StartsWith($"{type}:", Encoding.UTF8.GetString(Convert.FromBase64String(id)), StringComparison.Ordinal));
        var single = (await api.PostAsync($"query ($id: ID!) {{ node(id: $id) {{ __typename id ... on {type} {{ {field} }} }} }}", new { id = ids[0] })).ShouldSucceed();
        Assert.Equal(type, (string)single.Data["node"]!["__typename"]!);
        Assert.Equal((string)page[0]![field]!, (string)single.Data["node"]![field]!);
        var many = (await api.PostAsync($"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ id }} }}", new { ids = ids.AsEnumerable().Reverse().ToArray() })).ShouldSucceed();
        Assert.Equal(ids.AsEnumerable().Reverse(), many.Data["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
    }

    [Fact]
    public async Task SourcesAreNodesToo()
    {
        var sources = (await api.PostAsync("{ sources { id name itemCount } }")).ShouldSucceed().Data["sources"]!.AsArray();
        var node = (await api.PostAsync("query ($id: ID!) { node(id: $id) { ... on Source { name } } }", new { id = (string)sources[0]!["id"]! })).ShouldSucceed();

        Assert.Equal((string)sources[0]!["name"]!, (string)node.Data["node"]!["name"]!);
        Assert.All(sources, s => Assert.True((int)s!["itemCount"]! > 0));
    }

    [Theory]
    [InlineData("not-base64!", "INVALID_NODE_ID")]
    [InlineData("UGFwZXI6", "INVALID_NODE_ID")]
    [InlineData("V2lkZ2V0OjE=", "INVALID_NODE_ID")]
    public async Task MalformedIdsAndUnknownTypesGiveNullAndAnError(string id, string code)
    {
        var response = await api.PostAsync("query ($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Data["node"]);
        Assert.Equal(code, (string)response.Errors![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task NodesKeepOrderAndPutNullWhereAnIdFails()
    {
        var id = (string)(await api.PostAsync("{ papers(first: 1) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]![0]!["id"]!;

        var response = await api.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { "garbage", id } });

        Assert.Null(response.Data["nodes"]![0]);
        Assert.Equal(id, (string)response.Data["nodes"]![1]!["id"]!);
        Assert.Single(response.Errors!);
    }

    [Fact]
    public async Task TooManyIdsIsAnError()
    {
        var response = await api.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Repeat("UGFwZXI6MQ==", 51).ToArray() });

        // HotChocolate's ErrorCodes.Execution.FetchedToManyNodesAtOnce, with the name this API used before kept beside it.
        Assert.Equal("HC0076", (string)response.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal("INVALID_ARGUMENT", (string)response.Errors![0]!["extensions"]!["legacyCode"]!);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteNodeTests(SqliteApiFactory api) : NodeTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerNodeTests(SqlServerApiFactory api) : NodeTests(api);
