using System.Net.Http.Headers;
using System.Text;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// The graphql-cop / OWASP attacks: each is refused with a clear error before a single SQL statement runs. (They take
/// a few milliseconds; what is asserted is what does not depend on the machine's load: the status, the code, and no SQL.)
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class AttackTests(SqliteApiFactory api)
{
    private async Task<GraphQLResponse> RefusedAsync(string query, string code, int status = 400)
    {
        var response = await api.PostAsync(query);

        Assert.True(response.Errors?.Any(e => (string?)e!["extensions"]?["code"] == code) == true, response.Body.ToJsonString()[..Math.Min(2000, response.Body.ToJsonString().Length)]);
        Assert.Equal(status, response.Status);
        Assert.Equal(0, response.Statements);
        return response;
    }

    private static string Repeat(int count, Func<int, string> part) => string.Join(" ", Enumerable.Range(0, count).Select(part));

    private static string Nested(int levels, string leaf)
    {
        var query = leaf;
        for (var i = 0; i < levels; i++) query = i % 2 == 0 ? $"papers {{ nodes {{ {query} }} }}" : $"authors {{ nodes {{ {query} }} }}";
        return query;
    }

    [Fact]
    public Task AHundredAliasesOfOneFieldAreRefused() =>
        RefusedAsync($"{{ {Repeat(120, i => $"a{i}: sources {{ name }}")} }}", "TOO_MANY_ALIASES");

    [Fact]
    public Task OneFieldRepeatedAThousandTimesIsRefused() =>
        RefusedAsync($"{{ sources {{ {Repeat(1_200, _ => "name")} }} }}", "TOO_MANY_TOKENS");

    [Fact]
    public Task FragmentsThatSpreadEachOtherTwiceAreCountedWithoutExpandingThem()
    {
        // 2^30 fields once expanded, in a few hundred tokens: counted per fragment, not per spread.
        var fragments = Repeat(30, i => $"fragment F{i} on Source {{ name ...F{i + 1} ...F{i + 1} }}") + " fragment F30 on Source { name }";
        return RefusedAsync($"{{ sources {{ ...F0 }} }} {fragments}", "TOO_MANY_FIELDS");
    }

    [Fact]
    public Task ADepthBombOfTwentyNestedListsIsRefused() =>
        RefusedAsync($"{{ {Nested(20, "title")} }}", "QUERY_TOO_DEEP");

    [Fact]
    public async Task FragmentCyclesAreRefused()
    {
        var response = await api.PostAsync("""
            { papers { nodes { ...A } } }
            fragment A on Paper { authors { nodes { ...B } } }
            fragment B on Author { papers { nodes { ...A } } }
            """);

        Assert.Equal(400, response.Status);
        Assert.Contains("cycle", response.Code, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, response.Statements);
    }

    [Fact]
    public Task TheCircularIntrospectionQueryIsRefused() =>
        RefusedAsync("{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }", "HC0086");

    [Fact]
    public Task CircularIntrospectionThroughFragmentsIsRefusedToo() =>
        RefusedAsync("""
            { __type(name: "Paper") { ...T } }
            fragment T on __Type { fields { type { interfaces { possibleTypes { fields { name } } } } } }
            """, "HC0086");

    public static TheoryData<string> SchemaNamedDodges =>
    [
        $"query __schema {{ {Nested(20, "title")} }}",
        $"query Q {{ ...__schema }} fragment __schema on Query {{ {Nested(20, "title")} }}",
        $"query Q {{ __schema: {Nested(20, "title")} }}",
    ];

    [Theory]
    [MemberData(nameof(SchemaNamedDodges))]
    public Task NamingAnOperationFragmentOrAliasSchemaDoesNotDodgeTheDepthLimit(string query) =>
        RefusedAsync(query, "QUERY_TOO_DEEP");

    [Fact]
    public Task OverloadedDirectivesAreRefused() =>
        RefusedAsync($"{{ sources {Repeat(60, _ => "@include(if: true)")} {{ name }} }}", "TOO_MANY_DIRECTIVES");

    [Fact]
    public Task FiveNestedConnectionsOfAHundredAreRefusedByCost() =>
        RefusedAsync("""
            { papers(first: 100) { nodes { authors(first: 100) { nodes { papers(first: 100) { nodes {
                authors(first: 100) { nodes { papers(first: 100) { nodes { title } } } } } } } } } } }
            """, "HC0047");

    [Fact]
    public Task AHugePageSizeIsRefusedBeforeAnySql() =>
        RefusedAsync("{ papers(first: 99999999) { nodes { title } } }", "HC0047");

    [Fact]
    public Task AVeryLongDocumentIsRefusedBeforeParsing() =>
        RefusedAsync("# " + new string('x', 40_000) + "\n{ sources { name } }", "DOCUMENT_TOO_LONG");

    [Fact]
    public async Task ATenMegabyteBodyIs413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent($$$"""{"query":"{ sources { name } }","variables":{"pad":"{{{new string('x', 10 * 1024 * 1024)}}}"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        var response = await api.SendAsync(request);

        Assert.Equal((413, "HC0010"), (response.Status, response.Code));
        Assert.Equal(0, response.Statements);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIs413Too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes($$$"""{"query":"{ sources { name } }","variables":{"pad":"{{{new string('x', 2 * 1024 * 1024)}}}"}}"""))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await api.SendAsync(request);

        Assert.Equal((413, "HC0010"), (response.Status, response.Code));
        Assert.Equal(0, response.Statements);
    }

    /// <summary>A body whose length the client cannot compute up front.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
