using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>The HTTP rules of GraphQL over HTTP, with HotChocolate's status codes for each media type.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class GraphQLOverHttpTests(SqliteApiFactory api)
{
    private async Task<(HttpStatusCode Status, string? MediaType, string Body)> SendAsync(HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string Code(string body) => (string)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!;

    [Fact]
    public async Task PostWithJsonAnswersWithDataAndTheNegotiatedMediaType()
    {
        var legacy = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ sources { name } }"}""");
        var modern = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ sources { name } }"}""", accept: "application/graphql-response+json");

        Assert.Equal((HttpStatusCode.OK, "application/json"), (legacy.Status, legacy.MediaType));
        Assert.Equal((HttpStatusCode.OK, "application/graphql-response+json"), (modern.Status, modern.MediaType));
        Assert.Equal(5, JsonNode.Parse(modern.Body)!["data"]!["sources"]!.AsArray().Count);
    }

    [Fact]
    public async Task GetRunsQueriesWithVariablesAndOperationName()
    {
        var query = Uri.EscapeDataString("query A($id: String!) { paperByArxivId(arxivId: $id) { title } } query B { sources { name } }");
        var variables = Uri.EscapeDataString("""{"id":"2305.18290"}""");

        var response = await SendAsync(HttpMethod.Get, $"/graphql?query={query}&variables={variables}&operationName=A");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", (string)JsonNode.Parse(response.Body)!["data"]!["paperByArxivId"]!["title"]!);
    }

    [Fact]
    public async Task DocumentsThatCannotRunAre400ForGraphQLResponseJsonAnd200ForLegacyJson()
    {
        foreach (var query in (string[])["{ papers { ", "{ nope }", "query { sources { name } } query { sources { name } }"])
        {
            var body = new JsonObject { ["query"] = query }.ToJsonString();
            var modern = await SendAsync(HttpMethod.Post, "/graphql", body, accept: "application/graphql-response+json");
            var legacy = await SendAsync(HttpMethod.Post, "/graphql", body, accept: "application/json");

            Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
            Assert.Equal(HttpStatusCode.OK, legacy.Status);
            Assert.Null(JsonNode.Parse(modern.Body)!["data"]);
            Assert.NotEmpty(JsonNode.Parse(legacy.Body)!["errors"]!.AsArray());
        }
    }

    [Fact]
    public async Task FieldErrorsWithDataAre200EvenForGraphQLResponseJson()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ sources { name } node(id: \"garbage\") { id } }"}""", accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = JsonNode.Parse(response.Body)!;
        Assert.Equal(5, json["data"]!["sources"]!.AsArray().Count);
        Assert.Equal("INVALID_NODE_ID", (string)json["errors"]![0]!["extensions"]!["code"]!);
    }

    [Theory]
    [InlineData("{not json", "HTTP_INVALID_JSON")]
    [InlineData("", "HTTP_INVALID_JSON")]
    [InlineData("""{"variables":{}}""", "HC0013")]
    [InlineData("""{"query":42}""", "HTTP_INVALID_JSON")]
    [InlineData("[]", "HTTP_INVALID_JSON")]
    public async Task MalformedBodiesAre400WithAGraphQLShapedError(string body, string code)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(code, Code(response.Body));
    }

    [Fact]
    public async Task AWrongContentTypeIs415()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "{ sources { name } }", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("HTTP_UNSUPPORTED_MEDIA_TYPE", Code(response.Body));
    }

    [Fact]
    public async Task AnAcceptHeaderAllowingNeitherJsonTypeIs406()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ sources { name } }"}""", accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("HTTP_NOT_ACCEPTABLE", Code(response.Body));
    }

    [Fact]
    public async Task MutationsOverGetAre405()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { seed }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("HTTP_METHOD_NOT_ALLOWED", Code(response.Body));
    }

    [Fact]
    public async Task GetWithoutAQueryIs400()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("HC0013", Code(response.Body));
        Assert.Equal("HTTP_MISSING_QUERY", (string?)JsonNode.Parse(response.Body)!["errors"]![0]!["extensions"]!["legacyCode"]);
    }

    [Fact]
    public async Task UnknownOperationNamesAndWrongVariableTypesAreRequestErrors()
    {
        var unknown = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"query A { sources { name } }","operationName":"B"}""", accept: "application/graphql-response+json");
        var wrongType = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"query ($n: Int) { papers(first: $n) { totalCount } }","variables":{"n":"ten"}}""", accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
    }

    [Fact]
    public async Task ExceptionDetailsNeverLeakOutsideDevelopment()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ papers(first: 0) { totalCount } }"}""");

        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("details", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSchemaIsServedAsSdl()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?sdl");

        Assert.Equal((HttpStatusCode.OK, "text/plain"), (response.Status, response.MediaType));
        Assert.Contains("type Paper implements Node", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowsersAreSentToTheIde()
    {
        var redirect = await SendAsync(HttpMethod.Get, "/graphql", accept: "text/html,application/xhtml+xml");
        var page = await SendAsync(HttpMethod.Get, "/graphql/", accept: "text/html");
        var config = await SendAsync(HttpMethod.Get, "/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.Redirect, redirect.Status);
        Assert.Equal("text/html", page.MediaType);
        // With npm the build installs the IDE; without it the page explains how to get it.
        Assert.True(page.Body.Contains("Banana Cake Pop", StringComparison.Ordinal), page.Body[..Math.Min(200, page.Body.Length)]);
        Assert.True((bool)JsonNode.Parse(config.Body)!["useBrowserUrlAsEndpoint"]!);
    }

    [Fact]
    public async Task CorsIsOffUnlessAnOriginIsConfigured()
    {
        using var closed = api.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://dashboard.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var refused = await closed.SendAsync(preflight);

        using var open = api.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://dashboard.example.org")).CreateClient();
        using var allowedPreflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        allowedPreflight.Headers.Add("Origin", "https://dashboard.example.org");
        allowedPreflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var allowed = await open.SendAsync(allowedPreflight);

        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://dashboard.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task HealthEndpointsAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/health")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/health/ready")).Status);
    }
}
