using Microsoft.AspNetCore.Hosting;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Faults;

/// <summary>
/// Exception details reach clients only when Errors:IncludeDetails asks for them, never because of the environment:
/// `dotnet run` starts in Development (launchSettings.json), and such a server must answer like a production one.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class ErrorDetailsTests(SqliteApiFactory api)
{
    // A cursor no list issued: an error thrown by a resolver, which graphql-dotnet would describe with its stack trace.
    private const string Query = """{ papers(first: 1, after: "bm90IGEgY3Vyc29y") { totalCount } }""";

    [Fact]
    public async Task DevelopmentWithoutTheSettingAnswersWithoutDetailsTypeNamesOrPaths()
    {
        await using var development = api.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        using var client = development.CreateClient();

        var response = await api.SendAsync(ApiFactory.GraphQLRequest(Query), client);
        var body = response.Body.ToJsonString();

        Assert.Equal("HC0078", response.Code);
        Assert.Null(response.Errors![0]!["extensions"]!["details"]);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
        Assert.DoesNotContain("RlhfGraph.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSettingAddsDetailsInAnyEnvironment()
    {
        await using var debugging = api.WithWebHostBuilder(b => b.UseSetting("Errors:IncludeDetails", "true"));
        using var client = debugging.CreateClient();

        var response = await api.SendAsync(ApiFactory.GraphQLRequest(Query), client);

        Assert.Contains("QueryError", (string)response.Errors![0]!["extensions"]!["details"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchSettingsStartInDevelopmentWithoutAskingForDetails()
    {
        var launch = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src/Api/Properties/launchSettings.json"));

        Assert.Contains("\"ASPNETCORE_ENVIRONMENT\": \"Development\"", launch, StringComparison.Ordinal);
        Assert.DoesNotContain("IncludeDetails", launch, StringComparison.Ordinal);
    }
}
