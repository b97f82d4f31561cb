using RlhfGraph.LoadTest;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Load;

/// <summary>
/// A short concurrent run of the tests/queries mix through the in-memory server: no errors, no 5xx. The full
/// run (20,000 requests at 64 concurrent over loopback) is the console in tests/LoadTest; see its Program.cs.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class LoadTests(SqliteApiFactory api)
{
    [Fact]
    public async Task AFewHundredConcurrentCatalogQueriesAllSucceed()
    {
        using var client = api.CreateClient();
        var queries = Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var driver = new LoadDriver(client, new Uri("/graphql", UriKind.Relative), queries);

        var result = await driver.RunAsync(requests: 400, concurrency: 16, TestContext.Current.CancellationToken);

        Assert.True(result.Errors == 0 && result.ServerErrors == 0, result.ToString());
        Assert.Equal(400, result.Requests);
    }
}
