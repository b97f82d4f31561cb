using Microsoft.EntityFrameworkCore.Diagnostics;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>The limits let real clients through (README, dashboards, the IDE) and say what they cost; switches and the timeout work.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class LimitsTests(SqliteApiFactory api)
{
    public static TheoryData<string> LegitimateQueries =>
    [
        .. RepositoryFiles.ReadmeQueries(),
        .. Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText),
        IntrospectionQuery.Full,
    ];

    [Theory]
    [MemberData(nameof(LegitimateQueries))]
    public async Task ReadmeDashboardAndIdeQueriesPassEveryLimitAndReportTheirCost(string query)
    {
        using var request = ApiFactory.GraphQLRequest(query);
        request.Headers.Add("GraphQL-Cost", "report");

        var response = (await api.SendAsync(request)).ShouldSucceed();

        var cost = response.Body["extensions"]!["operationCost"]!;
        var limits = new RlhfGraph.Schema.Limits.LimitsOptions();
        Assert.InRange((double)cost["fieldCost"]!, 0, limits.MaxFieldCost);
        Assert.InRange((double)cost["typeCost"]!, 1, limits.MaxTypeCost);
    }

    [Fact]
    public async Task TheExampleQueryAtFiftyPapersStaysWithinTheCostLimit()
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { papers(first: $n) { nodes { title authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } } } } }
            """, new { n = 50 })).ShouldSucceed();

        Assert.Equal(50, response.Data["papers"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task CostIsReportedOnlyWhenAskedFor()
    {
        var plain = (await api.PostAsync("{ sources { name } }")).ShouldSucceed();

        Assert.Null(plain.Body["extensions"]?["operationCost"]);
    }

    [Fact]
    public async Task CostGrowsWithPageSizesSoClientsCanSeeWhatAQueryCosts()
    {
        async Task<(double Field, double Type)> CostOf(int first)
        {
            using var request = ApiFactory.GraphQLRequest($"{{ papers(first: {first}) {{ nodes {{ title authors(first: 10) {{ nodes {{ name }} }} }} }} }}");
            request.Headers.Add("GraphQL-Cost", "report");
            var cost = (await api.SendAsync(request)).ShouldSucceed().Body["extensions"]!["operationCost"]!;
            return ((double)cost["fieldCost"]!, (double)cost["typeCost"]!);
        }

        // HotChocolate's model: papers 10 + nodes 1 + first × (authors 10 + nodes 1 + 10 × name 0);
        // types: the connection 1 + first × (Paper 1 + connection 1 + 10 × Author 1).
        Assert.Equal((11 + (5 * 11), 1 + (5 * 12)), await CostOf(5));
        Assert.Equal((11 + (50 * 11), 1 + (50 * 12)), await CostOf(50));
    }

    [Fact]
    public async Task IntrospectionCanBeSwitchedOffWhileTypenameStillAnswers()
    {
        await using var closed = api.WithWebHostBuilder(b => b.UseSetting("Limits:Introspection", "false"));
        using var client = closed.CreateClient();

        using var schemaRequest = ApiFactory.GraphQLRequest("{ __schema { types { name } } }");
        var schema = await api.SendAsync(schemaRequest, client);
        using var typeRequest = ApiFactory.GraphQLRequest("{ __type(name: \"Paper\") { name } }");
        var type = await api.SendAsync(typeRequest, client);
        using var typenameRequest = ApiFactory.GraphQLRequest("{ __typename sources { __typename name } }");
        var typename = (await api.SendAsync(typenameRequest, client)).ShouldSucceed();

        Assert.Equal((400, "HC0046"), (schema.Status, schema.Code));
        Assert.Equal((400, "HC0046"), (type.Status, type.Code));
        Assert.Equal("Query", (string)typename.Data["__typename"]!);
    }

    [Fact]
    public async Task ErrorsSuggestNoFieldNamesOutsideDevelopment()
    {
        var response = await api.PostAsync("{ paper { titl } }");

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain("Did you mean", response.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("papers", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitsComeFromConfiguration()
    {
        await using var strict = api.WithWebHostBuilder(b => b.UseSetting("Limits:MaxFieldCost", "10").UseSetting("Limits:MaxNodes", "1"));
        using var client = strict.CreateClient();

        using var costly = ApiFactory.GraphQLRequest("{ papers(first: 5) { nodes { title year } } }");
        var refused = await api.SendAsync(costly, client);
        using var nodes = ApiFactory.GraphQLRequest("""{ nodes(ids: ["a", "b"]) { id } }""");
        var tooManyNodes = await api.SendAsync(nodes, client);

        Assert.Equal((400, "HC0047"), (refused.Status, refused.Code));
        Assert.Equal("HC0076", tooManyNodes.Code);
    }

    [Fact]
    public async Task TheExecutionTimeoutCancelsTheRunningSqlCommand()
    {
        var stall = new StallingInterceptor();
        await using var slow = api.WithWebHostBuilder(b => b
            .UseSetting("Limits:ExecutionTimeout", "00:00:00.5")
            .ConfigureServices(s => api.Database.AddInterceptor(s, stall)));
        using var client = slow.CreateClient();
        // Warm the new host (schema, EF model) first, so the timeout meets a running command rather than start-up.
        using var warm = ApiFactory.GraphQLRequest("{ papers(first: 1) { nodes { title } } }");
        (await api.SendAsync(warm, client)).ShouldSucceed();
        stall.Armed = true;

        using var request = ApiFactory.GraphQLRequest("{ papers(first: 5) { nodes { title } } }");
        var response = await api.SendAsync(request, client);

        Assert.Equal((504, "HC0045"), (response.Status, response.Code));
        Assert.True(stall.SawCancellation, "the SQL command never saw the cancellation");
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(10), $"answered after {response.Elapsed}");
    }

    /// <summary>Once armed, holds every SQL command until its cancellation token fires (or a minute passes), as a hung database would.</summary>
    private sealed class StallingInterceptor : DbCommandInterceptor
    {
        public volatile bool Armed;

        public bool SawCancellation { get; private set; }

        public override async ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await StallAsync(cancellationToken);
            return result;
        }

        // Planned reads are one scalar statement each (the JSON of the whole answer).
        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await StallAsync(cancellationToken);
            return result;
        }

        private async Task StallAsync(CancellationToken cancellationToken)
        {
            if (!Armed) return;
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
        }
    }
}
