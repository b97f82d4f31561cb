using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQLParser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// Documents and names that reached the parser or a resolver and failed there (issue 18, cases 1, 2, 9 and 12): each
/// is now answered on purpose, a 4xx with a stable code, on GET and POST alike, logging no document and no stack.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class ParserEdgeTests(SqliteApiFactory api)
{
    private static string InlineFragments(int levels) =>
        "{ " + string.Concat(Enumerable.Repeat("... on Query { ", levels)) + "__typename" + string.Concat(Enumerable.Repeat(" }", levels)) + " }";

    private static string NestedAnds(int levels) =>
        "{ papers(where: " + string.Concat(Enumerable.Repeat("{ and: [", levels)) + "{ year: { eq: 2020 } }" + string.Concat(Enumerable.Repeat("] }", levels)) + ") { totalCount } }";

    private async Task<(GraphQLResponse Response, LogCapture Logs)> SendAsync(Func<HttpRequestMessage> request)
    {
        var logs = new LogCapture(LogLevel.Information);
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = host.CreateClient();
        using var message = request();
        return (await api.SendAsync(message, client), logs);
    }

    private static HttpRequestMessage Get(string query, string? operationName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}" + (operationName is null ? "" : $"&operationName={Uri.EscapeDataString(operationName)}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    }

    private static void AssertRefusedQuietly(GraphQLResponse response, LogCapture logs, string code, string document)
    {
        Assert.Equal((400, code), (response.Status, response.Code));
        Assert.Empty(logs.Alarms);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(document[..Math.Min(200, document.Length)], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGetNestedDeeperThanTheParserAllowsIsA400NotA500()
    {
        // Issue 18 case 1: the GET path's mutation check parsed first and met GraphQLMaxDepthExceededException.
        var document = InlineFragments(70);
        var (response, logs) = await SendAsync(() => Get(document));

        AssertRefusedQuietly(response, logs, LimitError.TooNested, document);
    }

    [Fact]
    public async Task APostWithSixtyNestedAndsIsA400NotAnInternalError()
    {
        var document = NestedAnds(60);
        var (response, logs) = await SendAsync(() => ApiFactory.GraphQLRequest(document));

        AssertRefusedQuietly(response, logs, LimitError.TooNested, document);
        Assert.Equal(0, response.Statements);
    }

    public static TheoryData<string> ShapesAtTheNestingLimit
    {
        get
        {
            var limit = new LimitsOptions().MaxNesting;
            string Wrap(string open, string inner, string close, int times) =>
                string.Concat(Enumerable.Repeat(open, times)) + inner + string.Concat(Enumerable.Repeat(close, times));
            return
            [
                Wrap("{ ... on Query ", "{ __typename }", "}", limit - 1),
                Wrap("{ a ", "{ b }", "}", limit - 1),
                "{ a(b: " + Wrap("[", "1", "]", limit - 2) + ") }",
                "{ a(b: " + Wrap("{ c: ", "1", " }", limit - 2) + ") }",
                "{ a(b: " + Wrap("[{ c: ", "1", " }]", (limit - 2) / 2) + ") }",
                "query ($v: " + Wrap("[", "Int", "]", limit - 1) + ") { a }",
                "{ a @d(b: " + Wrap("[", "1", "]", limit - 2) + ") }",
            ];
        }
    }

    [Theory]
    [MemberData(nameof(ShapesAtTheNestingLimit))]
    public void EveryDocumentThatPassesTheNestingCheckParsesWithoutTheParserRunningOutOfDepth(string document)
    {
        var limits = new LimitsOptions { MaxTokens = 100_000 };

        Assert.Equal(limits.MaxNesting, DocumentText.Scan(document).Nesting);
        Assert.Null(DocumentText.Check(document, limits));
        Assert.NotNull(Parser.Parse(document));
        Assert.NotNull(DocumentText.Check("{" + document + "}", limits));
    }

    [Fact]
    public async Task ALoneSurrogateInAnAutocompletePrefixIsAnsweredNotAnException()
    {
        // Issue 18 case 2 (fuzz seed 4293747407317955442, case 429): string.Normalize threw on half a surrogate pair
        // written as a GraphQL escape; it is folded like any other character now (U+FFFD). In JSON (variables), the
        // parser refuses a lone surrogate as invalid JSON already.
        var (literal, literalLogs) = await SendAsync(() => ApiFactory.GraphQLRequest("""{ autocomplete(prefix: "\uD83E\uDD183E\uDD16") { label } search(query: "x\uDD16", first: 3) { nodes { __typename } } }"""));
        var (variable, variableLogs) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query ($p: String!) { autocomplete(prefix: $p) { label } }","variables":{"p":"x\uDD16\uD83E"}}""", Encoding.UTF8, "application/json"),
        });

        literal.ShouldSucceed();
        Assert.Equal((400, "HTTP_INVALID_JSON"), (variable.Status, variable.Code));
        Assert.Empty(literalLogs.Alarms);
        Assert.Empty(variableLogs.Alarms);
    }

    [Fact]
    public async Task TheSdlIsNotServedWhenIntrospectionIsSwitchedOff()
    {
        await using var closed = api.WithWebHostBuilder(b => b.UseSetting("Limits:Introspection", "false"));
        using var client = closed.CreateClient();
        using var open = api.CreateClient();

        using var refused = await client.GetAsync(new Uri("/graphql?sdl", UriKind.Relative));
        using var served = await open.GetAsync(new Uri("/graphql?sdl", UriKind.Relative));
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Equal(LimitError.IntrospectionDisabled, JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.DoesNotContain("type Query", body, StringComparison.Ordinal);
        Assert.Contains("type Query", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHugeOperationNameIsNotEchoedBackInFull()
    {
        var name = "Op" + new string('x', 900_000);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = "query A { __typename }", operationName = name }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        var response = await api.SendAsync(request);
        var body = response.Body.ToJsonString();

        Assert.Equal(400, response.Status);
        Assert.InRange(body.Length, 1, 2_000);
        Assert.Contains(name[..RlhfGraph.Api.Http.GraphQLEndpoint.MaxEchoedName], (string?)response.Errors![0]!["message"], StringComparison.Ordinal);
    }
}
