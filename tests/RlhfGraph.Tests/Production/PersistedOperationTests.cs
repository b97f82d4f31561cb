using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Api.Cli;
using RlhfGraph.Api.Persisted;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// Persisted operations over HTTP, the ways HotChocolate's and Apollo's clients send them (HotChocolate:
/// src/HotChocolate/AspNetCore/test/AspNetCore.Tests/PersistedOperationTests.cs and AutomaticPersistedOperationTests.cs).
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class PersistedOperationTests(SqliteApiFactory api)
{
    private static readonly string StatsQuery = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/Api/Dashboard/Operations/DashboardStats.graphql"));

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = Json(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    }

    private static async Task<GraphQLResponse> PostAsync(ApiFactory factory, object body)
    {
        using var request = Post(body);
        return await factory.SendAsync(request);
    }

    [Fact]
    public async Task ATrustedDocumentRunsByItsHashInEveryWayClientsSendIt()
    {
        var hash = DocumentHash.Of(StatsQuery);
        var byText = (await api.PostAsync(StatsQuery)).ShouldSucceed().Data.ToJsonString();

        var hotChocolate = (await PostAsync(api, new { id = hash })).ShouldSucceed();
        var documentId = (await PostAsync(api, new { documentId = $"sha256:{hash}" })).ShouldSucceed();
        var apollo = (await PostAsync(api, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } })).ShouldSucceed();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/graphql?id={hash}");
        var overGet = (await api.SendAsync(get)).ShouldSucceed();

        Assert.All([hotChocolate, documentId, apollo, overGet], r => Assert.Equal(byText, r.Data.ToJsonString()));
    }

    /// <summary>
    /// HotChocolate's default document hash is MD5 (MD5DocumentHashProvider, HashFormat.Base64: URL-safe without padding in
    /// v14, standard Base64 before), so a default HotChocolate client's ids name trusted documents too, as does its hex form.
    /// </summary>
    [Fact]
    public async Task ATrustedDocumentRunsByItsMd5AsHotChocolateWritesIt()
    {
        var md5 = System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(StatsQuery));
        var base64 = Convert.ToBase64String(md5);
        var base64Url = base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var byText = (await api.PostAsync(StatsQuery)).ShouldSucceed().Data.ToJsonString();

        var responses = new List<GraphQLResponse>();
        foreach (var id in (string[])[base64Url, base64, Convert.ToHexStringLower(md5), $"md5:{Convert.ToHexStringLower(md5)}"])
        {
            responses.Add((await PostAsync(api, new { id })).ShouldSucceed());
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/graphql?id={Uri.EscapeDataString(id)}");
            responses.Add((await api.SendAsync(get)).ShouldSucceed());
        }

        Assert.All(responses, r => Assert.Equal(byText, r.Data.ToJsonString()));
    }

    [Fact]
    public async Task AnMd5IdRegistersItsTextAndAWrongOneIsAMismatch()
    {
        var query = $"query Md5Registered{Guid.NewGuid():N} {{ stats {{ paperCount }} }}";
        var id = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(query))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var unknown = await PostAsync(api, new { id });
        var registered = await PostAsync(api, new { id, query });
        var known = await PostAsync(api, new { id });
        var mismatch = await PostAsync(api, new { id, query = "{ __typename }" });

        Assert.Equal((400, PersistedOperationHandler.NotFound), (unknown.Status, unknown.Code));
        registered.ShouldSucceed();
        Assert.Equal(registered.Data.ToJsonString(), known.ShouldSucceed().Data.ToJsonString());
        Assert.Equal((400, PersistedOperationHandler.HashMismatch), (mismatch.Status, mismatch.Code));
    }

    [Fact]
    public async Task AnUnknownHashIsNotFoundUntilTheClientRegistersItWithItsText()
    {
        var query = $"query Registered{Guid.NewGuid():N} {{ stats {{ paperCount }} }}";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(query) } };

        var unknown = await PostAsync(api, new { extensions });
        var registered = await PostAsync(api, new { query, extensions });
        var known = await PostAsync(api, new { extensions });

        Assert.Equal((400, PersistedOperationHandler.NotFound), (unknown.Status, unknown.Code));
        Assert.Equal(0, unknown.Statements);
        Assert.Equal(registered.ShouldSucceed().Data.ToJsonString(), known.ShouldSucceed().Data.ToJsonString());
    }

    [Theory]
    [InlineData("not-a-hash", PersistedOperationHandler.InvalidId)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", PersistedOperationHandler.NotFound)]
    public async Task ABadOrUnknownIdIsAClearGraphQLError(string id, string code)
    {
        var response = await PostAsync(api, new { id });

        Assert.Equal((400, code), (response.Status, response.Code));
        Assert.Contains(id[..8], (string)response.Errors![0]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHashThatIsNotTheTextsIsRefused()
    {
        var response = await PostAsync(api, new { query = "{ stats { paperCount } }", extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of("{ __typename }") } } });

        Assert.Equal((400, PersistedOperationHandler.HashMismatch), (response.Status, response.Code));
    }

    [Fact]
    public async Task PersistedOnlyRunsTrustedDocumentsAndRefusesAnythingElse()
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("PersistedOperations:OnlyPersisted", "true"));
        var text = "{ stats { paperCount } }";

        using var client = strict.CreateClient();
        var trustedId = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?id={DocumentHash.Of(StatsQuery)}"), client);
        var trustedText = await api.SendAsync(Post(new { query = StatsQuery }), client);
        var other = await api.SendAsync(Post(new { query = text }), client);
        var registration = await api.SendAsync(Post(new { query = text, extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(text) } } }), client);

        trustedId.ShouldSucceed();
        trustedText.ShouldSucceed();
        Assert.Equal((400, PersistedOperationHandler.OnlyPersisted, 0), (other.Status, other.Code, other.Statements));
        Assert.Equal((400, PersistedOperationHandler.OnlyPersisted), (registration.Status, registration.Code));
    }

    [Fact]
    public async Task RegisteredDocumentsAreBoundedInMemory()
    {
        await using var small = api.WithWebHostBuilder(b => b.UseSetting("PersistedOperations:AutomaticCacheSize", "3"));
        using var client = small.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var query = $"query Bounded{i} {{ stats {{ paperCount }} }}";
            using var response = await client.PostAsync("/graphql", Json(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = DocumentHash.Of(query) } } }));
            Assert.True(response.IsSuccessStatusCode);
        }

        var handler = small.Services.GetRequiredService<PersistedOperationHandler>();
        Assert.InRange(handler.RegisteredCount, 1, 3);
    }

    [Fact]
    public void TheCommittedTrustedFolderHoldsExactlyTheDashboardsAndTestQueriesOperations()
    {
        var expected = PersistedDocumentsCommand.DefaultSources
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryFiles.Root, folder), "*.graphql"))
            .Select(file => DocumentHash.Of(File.ReadAllText(file))).Order(StringComparer.Ordinal).ToList();
        var folder = Path.Combine(RepositoryFiles.Root, "src/Api/persisted");
        var actual = Directory.GetFiles(folder, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
        Assert.All(actual, hash => Assert.Equal(hash, DocumentHash.Of(File.ReadAllText(Path.Combine(folder, $"{hash}.graphql")))));
    }

    [Fact]
    public async Task TheDashboardSendsOnlyIdsOfTrustedDocuments()
    {
        using var client = api.CreateClient();
        var operations = JsonNode.Parse(await client.GetStringAsync("/dashboard/operations.json"))!.AsObject();
        var trusted = api.Services.GetRequiredService<TrustedDocuments>();

        Assert.Equal(["DashboardAutocomplete", "DashboardCoauthors", "DashboardSearch", "DashboardStats"], operations.Select(o => o.Key));
        Assert.All(operations, o => Assert.True(trusted.Documents.ContainsKey((string)o.Value!), o.Key));
        Assert.DoesNotContain("query (", await client.GetStringAsync("/dashboard/dashboard.js"), StringComparison.Ordinal);
    }
}
