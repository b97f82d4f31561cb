using System.Text.Json;
using System.Text.Json.Nodes;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>
/// The realistic client queries in tests/queries, each run over HTTP and compared with its checked-in
/// expected answer. Set UPDATE_QUERY_SNAPSHOTS=1 to rewrite the answers after a deliberate change, then
/// read the diff before committing it.
/// </summary>
public abstract class QueryCatalogTests(ApiFactory api) : DatabaseTests(api)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Queries => [.. Directory.GetFiles(QueriesDirectory, "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    private static string QueriesDirectory => RepositoryFiles.QueriesDirectory;

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EachCatalogQueryAnswersAsCheckedIn(string name)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(QueriesDirectory, name + ".graphql"));
        var expectedPath = Path.Combine(QueriesDirectory, name + ".expected.json");

        var response = (await api.PostAsync(query)).ShouldSucceed();
        var actual = response.Body.ToJsonString(Indented) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_QUERY_SNAPSHOTS") == "1") await File.WriteAllTextAsync(expectedPath, actual);
        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with UPDATE_QUERY_SNAPSHOTS=1 once and review it.");
        Assert.Equal(JsonNode.Parse(await File.ReadAllTextAsync(expectedPath))!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteQueryCatalogTests(SqliteApiFactory api) : QueryCatalogTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerQueryCatalogTests(SqlServerApiFactory api) : QueryCatalogTests(api);
