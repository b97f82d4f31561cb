using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>ETags and Cache-Control for GET queries, through the real HTTP stack, on a database of its own that an import changes.</summary>
public sealed class HttpCachingTests(SqliteEngine engine) : IAsyncLifetime
{
    private const string Query = "{ keywords(first: 100, where: { name: { eq: \"Procgen\" } }) { totalCount } }";

    private readonly SqliteApiFactory _api = new(engine);

    public ValueTask InitializeAsync() => _api.InitializeAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(HttpClient client, string? ifNoneMatch = null, string query = Query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AGetAnswersWithAStrongETagAndIfNoneMatchGets304WithoutExecutingUntilAnImportCommits()
    {
        using var client = _api.CreateClient();
        using var first = await GetAsync(client);
        var etag = first.Headers.ETag!;
        var before = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["data"]!["keywords"]!["totalCount"]!.GetValue<int>();

        _api.Commands.Reset();
        using var revalidated = await GetAsync(client, etag.ToString());
        var statementsFor304 = _api.Commands.Count;

        using var seed = new SeedCopy();
        seed.Replace("awesome-rlhf-opendilab-2023.md", "  - Env: Atari, MuJoCo", "  - Env: Atari, MuJoCo, Procgen");
        await _api.Database.CreateImporter().ImportAsync(seed.Directory);
        using var afterImport = await GetAsync(client, etag.ToString());
        var after = JsonNode.Parse(await afterImport.Content.ReadAsStringAsync())!["data"]!["keywords"]!["totalCount"]!.GetValue<int>();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, statementsFor304);  // the data version's primary-key read; no GraphQL statement
        Assert.Equal(HttpStatusCode.OK, afterImport.StatusCode);
        Assert.NotEqual(etag, afterImport.Headers.ETag);
        Assert.Equal((0, 1), (before, after));
    }

    [Fact]
    public async Task TheETagDependsOnTheQueryAndTheMediaTypeAndCacheControlIsConfigurable()
    {
        await using var configured = _api.WithWebHostBuilder(b => b.UseSetting("HttpCaching:CacheControl", "public, max-age=60"));
        using var client = configured.CreateClient();
        using var one = await GetAsync(client);
        using var other = await GetAsync(client, query: "{ stats { paperCount } }");
        using var legacy = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(Query)}");
        legacy.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var legacyResponse = await client.SendAsync(legacy);

        Assert.Equal("public, max-age=60", one.Headers.CacheControl!.ToString());
        Assert.Equal(3, new[] { one.Headers.ETag, other.Headers.ETag, legacyResponse.Headers.ETag }.Distinct().Count());
    }

    [Fact]
    public async Task PostsErrorsAndRefusalsAreNeverCacheable()
    {
        using var client = _api.CreateClient();
        using var post = await client.PostAsync("/graphql", new StringContent($$"""{"query": "{{Query.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""", Encoding.UTF8, "application/json"));
        using var error = await GetAsync(client, query: "{ papers(first: 1000) { totalCount } }");
        using var syntax = await GetAsync(client, query: "{ papers(");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.All([post, error, syntax], r =>
        {
            Assert.Null(r.Headers.ETag);
            Assert.True(r.Headers.CacheControl!.NoStore, r.Headers.CacheControl.ToString());
        });
    }
}
