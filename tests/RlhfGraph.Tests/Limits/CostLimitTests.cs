using System.Globalization;
using System.Text;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Tests.Conformance;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// The cost limits are chosen by measurement: every README and tests/queries operation and the four-level traversal
/// cost less than them, the attack suite's cost-bound queries more. The measured table is written to
/// TestResults/operation-costs.md (the numbers the README quotes).
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class CostLimitTests(SqliteApiFactory api)
{
    /// <summary>The traversal for the 20 most prolific authors: the most expensive operation of this shape the limits admit.</summary>
    public const string NearLimitTraversal = """
        query TopAuthorsCodeDatasets {
          authors(first: 20, order: [{ paperCount: DESC }]) {
            nodes { name papers(first: 20) { nodes { title codebases { nodes { url datasets { nodes { name } } } } } } }
          }
        }
        """;

    public static IEnumerable<(string Name, string Query)> Admitted() =>
    [
        .. RepositoryFiles.ReadmeQueries().Select((q, i) => ($"README #{i + 1}", q)),
        .. Directory.GetFiles(RepositoryFiles.QueriesDirectory, "*.graphql").Order(StringComparer.Ordinal).Select(f => ($"tests/queries/{Path.GetFileName(f)}", File.ReadAllText(f))),
        ("four-level traversal (issue 11)", HotChocolateConformanceTests.FourLevelTraversal),
        ("near-limit traversal", NearLimitTraversal),
        ("50 papers × 20 authors × 5 papers (LimitsTests)", "{ papers(first: 50) { nodes { title authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } } } } }"),
    ];

    public static IEnumerable<(string Name, string Query)> Refused() =>
    [
        ("five nested connections at first: 100 (AttackTests)", """
            { papers(first: 100) { nodes { authors(first: 100) { nodes { papers(first: 100) { nodes {
                authors(first: 100) { nodes { papers(first: 100) { nodes { title } } } } } } } } } } }
            """),
        ("three nested connections at first: 100", "{ papers(first: 100) { nodes { authors(first: 100) { nodes { papers(first: 100) { nodes { title } } } } } } }"),
        ("first: 99999999 (AttackTests)", "{ papers(first: 99999999) { nodes { title } } }"),
    ];

    [Fact]
    public async Task TheLimitsAdmitEveryRealOperationAndRefuseTheAttacks()
    {
        var limits = new LimitsOptions();
        var table = new StringBuilder("| operation | fieldCost | typeCost | admitted |\n| --- | ---: | ---: | --- |\n");
        foreach (var (name, query, admitted) in Admitted().Select(a => (a.Name, a.Query, true)).Concat(Refused().Select(r => (r.Name, r.Query, false))))
        {
            var (field, type) = await CostAsync(query);
            table.Append(CultureInfo.InvariantCulture, $"| {name} | {field:N0} | {type:N0} | {(admitted ? "yes" : "no")} |\n");
            var within = field <= limits.MaxFieldCost && type <= limits.MaxTypeCost;
            Assert.True(within == admitted, $"{name}: fieldCost {field}, typeCost {type}");
        }

        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "operation-costs.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, table.ToString());
    }

    [Fact]
    public async Task EveryAdmittedOperationRunsWithTheDefaultLimits()
    {
        foreach (var (_, query) in Admitted()) (await api.PostAsync(query)).ShouldSucceed();
    }

    private async Task<(double Field, double Type)> CostAsync(string query)
    {
        using var request = ApiFactory.GraphQLRequest(query);
        request.Headers.Add("GraphQL-Cost", "validate");
        var response = await api.SendAsync(request);
        var cost = response.Body["extensions"]?["operationCost"] ?? throw new Xunit.Sdk.XunitException(response.Body.ToJsonString());
        return ((double)cost["fieldCost"]!, (double)cost["typeCost"]!);
    }
}
