using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// Small requests that used to crash, stall or mislead the server, over real HTTP: every list a client sends is
/// bounded (at the limit it runs, one over it is refused before any SQL), NUL cannot widen a text match, forged
/// cursors are refused, duplicate JSON keys are a 400, and none of it is logged as an error or with a stack trace.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class HostileInputTests(SqliteApiFactory api)
{
    private const string PapersByWhere = "query ($where: PaperFilterInput) { papers(first: 1, where: $where) { totalCount } }";

    private static object Or(int count) => new { or = Enumerable.Range(0, count).Select(i => new { title = new { eq = $"no such title {i}" } }).ToArray() };

    /// <summary>Refused before any SQL: by validation (400, nothing executed) or, for a field's argument, as that field's error (200, data null).</summary>
    private async Task<GraphQLResponse> RefusedAsync(string query, object variables, string code, int status = 400)
    {
        await api.PostAsync("{ __typename }");
        var response = await api.PostAsync(query, variables);
        Assert.True(response.Code == code, response.Body.ToJsonString()[..Math.Min(1000, response.Body.ToJsonString().Length)]);
        Assert.Equal(status, response.Status);
        Assert.Equal(0, response.Statements);
        return response;
    }

    [Fact]
    public async Task AnOrListAtItsLimitRunsAndOneMoreIsRefusedBeforeAnySql()
    {
        var at = (await api.PostAsync(PapersByWhere, new { where = Or(50) })).ShouldSucceed();
        Assert.Equal(0, (int)at.Data["papers"]!["totalCount"]!);

        var over = await RefusedAsync(PapersByWhere, new { where = Or(51) }, "LIST_TOO_LONG");
        Assert.Contains("Limits:MaxFilterOperands", (string)over.Errors![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAndListOfTextOperationsIsBoundedToo() =>
        await RefusedAsync(PapersByWhere, new { where = new { title = new { and = Enumerable.Range(0, 51).Select(i => new { neq = $"t{i}" }).ToArray() } } }, "LIST_TOO_LONG");

    [Theory]
    [InlineData("in")]
    [InlineData("nin")]
    public async Task AnInListAtItsLimitRunsAndOneMoreIsRefusedBeforeAnySql(string op)
    {
        object Where(int count) => new Dictionary<string, object> { ["year"] = new Dictionary<string, object> { [op] = Enumerable.Range(1000, count).ToArray() } };

        var at = (await api.PostAsync(PapersByWhere, new { where = Where(500) })).ShouldSucceed();
        var all = (int)(await api.PostAsync("{ papers { totalCount } }")).ShouldSucceed().Data["papers"]!["totalCount"]!;
        Assert.Equal(op == "in" ? 0 : all, (int)at.Data["papers"]!["totalCount"]!);

        await RefusedAsync(PapersByWhere, new { where = Where(501) }, "LIST_TOO_LONG");
    }

    [Fact]
    public async Task AFilterOfManyShortListsIsBoundedAltogether()
    {
        // 40 ors of 30 values each: every list is within its limit, the whole filter (1,240 parts) is not.
        var where = new { or = Enumerable.Range(0, 40).Select(i => new { year = new { @in = Enumerable.Range(i * 30, 30).ToArray() } }).ToArray() };

        await RefusedAsync(PapersByWhere, new { where }, "FILTER_TOO_LARGE");
    }

    [Fact]
    public async Task NodesTakesItsLimitOfIdsAndRefusesOneMore()
    {
        var id = (string)(await api.PostAsync("{ papers(first: 1) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]![0]!["id"]!;
        const string query = "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }";

        var at = (await api.PostAsync(query, new { ids = Enumerable.Repeat(id, 50).ToArray() })).ShouldSucceed();
        Assert.Equal(50, at.Data["nodes"]!.AsArray().Count);
        await RefusedAsync(query, new { ids = Enumerable.Repeat(id, 51).ToArray() }, "HC0076");
    }

    [Fact]
    public async Task OtherListArgumentsAreBounded()
    {
        await RefusedAsync("query ($types: [SearchType!]) { autocomplete(prefix: \"sad\", types: $types) { label } }",
            new { types = Enumerable.Repeat("AUTHOR", 21).ToArray() }, "LIST_TOO_LONG");
        await RefusedAsync("query ($order: [PaperSortInput!]) { papers(order: $order) { totalCount } }",
            new { order = Enumerable.Repeat(new { year = "DESC" }, 21).ToArray() }, "LIST_TOO_LONG");
        (await api.PostAsync("query ($types: [SearchType!]) { autocomplete(prefix: \"sad\", types: $types) { label } }",
            new { types = Enumerable.Repeat("AUTHOR", 20).ToArray() })).ShouldSucceed();
    }

    [Fact]
    public async Task AFlatOrOfThousandsOfConditionsNeitherOverflowsTheStackNorAnswers503()
    {
        // With the limits lifted, the request reaches EF Core and SQLite. Built as a chain, 30,000 ors (a 650 KB body)
        // overflowed the stack in EF Core's visitors and killed the process (exit 134, "Stack overflow"; 5,000 got a
        // 503); as a balanced tree EF Core translates it, and SQLite's own limit (expression depth) is the client's
        // 400, not a 503 inviting a retry.
        var logs = new LogCapture();
        await using var lifted = api.WithWebHostBuilder(b => b
            .UseSetting("Limits:MaxFilterOperands", "100000").UseSetting("Limits:MaxFilterSize", "1000000")
            .UseSetting("Limits:MaxFilterValues", "100000")
            .UseSetting("Limits:MaxFieldCost", "1e12").UseSetting("Limits:MaxTypeCost", "1e12")
            .ConfigureLogging(l => l.AddProvider(logs)));
        using var client = lifted.CreateClient();

        using var ors = ApiFactory.GraphQLRequest(PapersByWhere, new { where = new { or = Enumerable.Range(0, 30_000).Select(i => new { year = new { eq = i } }).ToArray() } });
        var flat = await api.SendAsync(ors, client);
        using var values = ApiFactory.GraphQLRequest(PapersByWhere, new { where = new { year = new { @in = Enumerable.Range(0, 40_000).ToArray() } } });
        var many = await api.SendAsync(values, client);

        foreach (var response in (GraphQLResponse[])[flat, many])
        {
            Assert.True(response.Status is 200 or 400, response.Body.ToJsonString()[..Math.Min(1000, response.Body.ToJsonString().Length)]);
            if (response.Status == 400) Assert.Equal("QUERY_TOO_LARGE_FOR_DATABASE", response.Code);
        }

        using var after = ApiFactory.GraphQLRequest("{ sources { name } }");
        (await api.SendAsync(after, client)).ShouldSucceed();
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("contains")]
    [InlineData("startsWith")]
    [InlineData("endsWith")]
    [InlineData("eq")]
    public async Task ANulCharacterInATextFilterIsRefusedRatherThanMatchingEveryRow(string op)
    {
        var where = new Dictionary<string, object> { ["title"] = new Dictionary<string, string> { [op] = "\u0000" } };
        var response = await RefusedAsync(PapersByWhere, new { where }, "INVALID_FILTER", status: 200);
        Assert.Null(response.Body["data"]?["papers"]);
        Assert.Contains("NUL", (string)response.Errors![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorFromAnotherListIsRefused()
    {
        var cursor = (string)(await api.PostAsync("{ papers(first: 2) { pageInfo { endCursor } } }")).ShouldSucceed().Data["papers"]!["pageInfo"]!["endCursor"]!;

        var otherRoot = await api.PostAsync("query ($after: String) { datasets(first: 2, after: $after) { totalCount } }", new { after = cursor });
        var nested = await api.PostAsync("query ($after: String) { authors(first: 1) { nodes { papers(first: 2, after: $after) { totalCount } } } }", new { after = cursor });

        Assert.Equal((200, "HC0078"), (otherRoot.Status, otherRoot.Code));
        Assert.Equal("HC0078", nested.Code);
    }

    public static TheoryData<string> ForgedKeys => new()
    {
        "\"999\"",         // an enum value no row has, which Enum.Parse would accept
        "\"Paper,Survey\"", // a flags combination
        "null",            // a null for a key that is never null
        "7",               // a number where a name belongs
    };

    [Theory]
    [MemberData(nameof(ForgedKeys))]
    public async Task ACursorWithAForgedKeyIsRefusedRatherThanGivingAWrongPage(string forged)
    {
        const string query = "query ($after: String) { papers(first: 2, after: $after, order: [{ kind: ASC }]) { nodes { title } pageInfo { endCursor } } }";
        var real = (string)(await api.PostAsync(query)).ShouldSucceed().Data["papers"]!["pageInfo"]!["endCursor"]!;
        var payload = JsonNode.Parse(Convert.FromBase64String(real))!.AsArray();
        payload[1] = JsonNode.Parse(forged);

        var response = await api.PostAsync(query, new { after = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString())) });

        Assert.Equal((200, "HC0078"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ACursorWithANullTitleIsRefused()
    {
        const string query = "query ($after: String) { papers(first: 2, after: $after, order: [{ title: ASC }]) { pageInfo { endCursor } } }";
        var real = (string)(await api.PostAsync(query)).ShouldSucceed().Data["papers"]!["pageInfo"]!["endCursor"]!;
        var payload = JsonNode.Parse(Convert.FromBase64String(real))!.AsArray();
        payload[1] = null;

        var response = await api.PostAsync(query, new { after = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString())) });

        Assert.Equal((200, "HC0078"), (response.Status, response.Code));
    }

    [Fact]
    public async Task ACursorHoldingInvalidUtf8IsAClearErrorAndNothingIsLogged()
    {
        var logs = new LogCapture();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = host.CreateClient();
        byte[][] forged =
        [
            [.. "[\""u8, 0xFF, 0xFE, .. "\",1]"u8],
            [.. "[\"Query.papers by id\",\""u8, 0xC3, .. "\"]"u8],
        ];

        foreach (var bytes in forged)
        {
            using var request = ApiFactory.GraphQLRequest("query ($after: String) { papers(after: $after) { totalCount } }", new { after = Convert.ToBase64String(bytes) });
            var response = await api.SendAsync(request, client);
            Assert.Equal((200, "HC0078"), (response.Status, response.Code));
            Assert.DoesNotContain("DECODER", response.Body.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Empty(logs.Alarms);
    }

    [Theory]
    [InlineData("""{"query":"query ($n: Int) { papers(first: $n) { totalCount } }","variables":{"n":1,"n":2}}""")]
    [InlineData("""{"query":"{ __typename }","extensions":{"a":1,"a":2}}""")]
    public async Task DuplicateKeysInVariablesOrExtensionsAreA400InTheGraphQLShape(string body)
    {
        using var client = api.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await client.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("HTTP_INVALID_JSON", (string)json["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task DuplicateKeysInAQueryStringVariableAreA400Too()
    {
        using var client = api.CreateClient();
        var url = "/graphql?query=" + Uri.EscapeDataString("{ __typename }") + "&variables=" + Uri.EscapeDataString("""{"a":1,"a":2}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await client.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("HTTP_INVALID_JSON", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task ClientMistakesAreLoggedBelowErrorAndWithoutStackTraces()
    {
        var logs = new LogCapture();
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        string[] bodies =
        [
            """{"query":"mutation { importSeed }"}""",
            """{"query":"{ papers(first: 0) { totalCount } }"}""",
            """{"query":"{ papers(where: { title: { contains: \"\\u0000\" } }) { totalCount } }"}""",
            """{"query":"{ papers { totalCount } }","variables":{"a":1,"a":1}}""",
            """{"query":"{ papers { totalCount""",
            """{"query":"{ node(id: \"bm90IGFuIGlk\") { id } }"}""",
        ];
        foreach (var body in bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/graphql", content);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }

        Assert.Empty(logs.Alarms);
    }
}
