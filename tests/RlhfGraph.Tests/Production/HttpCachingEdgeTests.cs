using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// ETags, If-None-Match and Vary where they went wrong (issue 18, cases 4, 5 and 11): two databases, each with its own
/// SQLite file and its own API, never share a tag; weak tags match as RFC 9110 says for If-None-Match; "*" matches
/// only an answer that exists; Vary keeps Origin when CORS origins are configured.
/// </summary>
public sealed class HttpCachingEdgeTests(SqliteEngine engine) : IAsyncLifetime
{
    private const string Query = "{ stats { paperCount } }";

    private readonly SqliteApiFactory _a = new(engine);
    private readonly SqliteApiFactory _b = new(engine);

    public async ValueTask InitializeAsync()
    {
        await _a.InitializeAsync();
        await _b.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string query = Query, string? ifNoneMatch = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (origin is not null) request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static async Task<string> IdentityOf(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.DatabaseIdentities.Select(i => i.Value).SingleAsync();
    }

    [Fact]
    public async Task TwoDatabasesWithTheSameDataVersionNeverShareAnETag()
    {
        using var a = _a.CreateClient();
        using var b = _b.CreateClient();

        using var fromA = await GetAsync(a);
        using var fromB = await GetAsync(b);
        using var aTagAtB = await GetAsync(b, ifNoneMatch: fromA.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, fromA.StatusCode);
        Assert.NotEqual(fromA.Headers.ETag, fromB.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, aTagAtB.StatusCode);
        Assert.NotEmpty(await aTagAtB.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheDatabaseIdentityIsBornWithTheDatabaseAndKeptAcrossImports()
    {
        var a = await IdentityOf(_a.Database);
        var b = await IdentityOf(_b.Database);
        using (var seed = new SeedCopy())
        {
            seed.Replace("awesome-rlhf-opendilab-2023.md", "  - Env: Atari, MuJoCo", "  - Env: Atari, MuJoCo, Procgen");
            await _a.Database.CreateImporter().ImportAsync(seed.Directory);
        }

        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, await IdentityOf(_a.Database));
    }

    [Fact]
    public async Task AWeakTagInIfNoneMatchMatchesAsRfc9110Says()
    {
        using var client = _a.CreateClient();
        using var first = await GetAsync(client);
        var weak = $"W/{first.Headers.ETag!.Tag}";

        using var revalidated = await GetAsync(client, ifNoneMatch: weak);
        using var amongOthers = await GetAsync(client, ifNoneMatch: $"\"other\", {weak}");

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, amongOthers.StatusCode);
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task AStarMatchesOnlyAnAnswerThatExists()
    {
        using var client = _a.CreateClient();

        using var existing = await GetAsync(client, ifNoneMatch: "*");
        using var broken = await GetAsync(client, query: "{{{", ifNoneMatch: "*");
        using var failing = await GetAsync(client, query: "{ papers(first: 1000) { totalCount } }", ifNoneMatch: "*");

        Assert.Equal(HttpStatusCode.NotModified, existing.StatusCode);
        Assert.NotNull(existing.Headers.ETag);
        Assert.Empty(await existing.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("errors", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(broken.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, failing.StatusCode);  // executed, with an error: answered in full, never cached
        Assert.Contains("errors", await failing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(failing.Headers.ETag);
    }

    [Fact]
    public async Task VaryKeepsOriginWhenCorsOriginsAreConfigured()
    {
        await using var cors = _a.WithWebHostBuilder(b => b.UseSetting("Cors:AllowedOrigins:0", "https://a.example"));
        using var client = cors.CreateClient();

        using var first = await GetAsync(client, origin: "https://a.example");
        using var revalidated = await GetAsync(client, ifNoneMatch: first.Headers.ETag!.ToString(), origin: "https://a.example");
        using var plain = await GetAsync(_a.CreateClient());

        Assert.Equal("https://a.example", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(first.Headers.CacheControl);
        foreach (var response in (HttpResponseMessage[])[first, revalidated])
        {
            Assert.Contains("Origin", response.Headers.Vary);
            Assert.Contains("Accept", response.Headers.Vary);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal(response.Headers.Vary.Count, response.Headers.Vary.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.DoesNotContain("Origin", plain.Headers.Vary);
    }
}
