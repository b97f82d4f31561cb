using System.Globalization;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Limits;

/// <summary>
/// The lists a client sends are counted in the cost (CostDefaults' summary says how), in literals and variables alike:
/// in/nin values, and/or operands, nodes(ids:) ids and order keys each add to the field cost, and a list at its
/// maximum is admitted at the cost documented there. One over a maximum is refused by ArgumentListsRule, which
/// HostileInputTests covers.
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class ListCostTests(SqliteApiFactory api)
{
    private const string PapersByWhere = "query ($where: PaperFilterInput) { papers(first: 1, where: $where) { totalCount } }";

    private static readonly LimitsOptions Limits = new();

    [Theory]
    [InlineData("in")]
    [InlineData("nin")]
    public async Task AnInOrNinListCostsOneMorePerValueInLiteralsAndVariablesAlike(string op)
    {
        async Task<double> CostOf(int count)
        {
            var values = Enumerable.Range(1990, count).ToArray();
            var literal = await CostAsync($"{{ papers(first: 1, where: {{ year: {{ {op}: [{string.Join(", ", values)}] }} }}) {{ totalCount }} }}");
            var variable = await CostAsync(PapersByWhere, new { where = new Dictionary<string, object> { ["year"] = new Dictionary<string, object> { [op] = values } } });
            Assert.Equal(literal, variable);
            return literal.Field;
        }

        var empty = await CostOf(0);
        foreach (var count in (int[])[1, 2, 10, Limits.MaxFilterValues])
            Assert.Equal(empty + (count * CostDefaults.ListElementCost), await CostOf(count));
    }

    [Fact]
    public async Task AnOrListCostsEachOperandsConditionsInLiteralsAndVariablesAlike()
    {
        async Task<double> CostOf(int count)
        {
            var years = Enumerable.Range(1990, count).ToArray();
            var literal = await CostAsync($"{{ papers(first: 1, where: {{ or: [{string.Join(", ", years.Select(y => $"{{ year: {{ eq: {y} }} }}"))}] }}) {{ totalCount }} }}");
            var variable = await CostAsync(PapersByWhere, new { where = new { or = years.Select(y => new { year = new { eq = y } }).ToArray() } });
            Assert.Equal(literal, variable);
            return literal.Field;
        }

        // HotChocolate's weights: 1 for the operand's year input, 10 for its eq; the operand's own ListElementCost is within that.
        var one = await CostAsync("{ papers(first: 1, where: { or: [{ year: { eq: 1990 } }] }) { totalCount } }");
        foreach (var count in (int[])[1, 2, 10, Limits.MaxFilterOperands])
            Assert.Equal(one.Field + ((count - 1) * 11), await CostOf(count));
    }

    [Fact]
    public async Task EmptyAndOperandsStillCostOneEach()
    {
        async Task<double> CostOf(int count)
        {
            var literal = await CostAsync($"{{ papers(first: 1, where: {{ and: [{string.Join(", ", Enumerable.Repeat("{}", count))}] }}) {{ totalCount }} }}");
            var variable = await CostAsync(PapersByWhere, new { where = new { and = Enumerable.Repeat(new { }, count).ToArray() } });
            Assert.Equal(literal, variable);
            return literal.Field;
        }

        var none = await CostOf(0);
        Assert.Equal(none + 1, await CostOf(1));
        Assert.Equal(none + Limits.MaxFilterOperands, await CostOf(Limits.MaxFilterOperands));
    }

    [Fact]
    public async Task NodesCostsOneMorePerIdInLiteralsAndVariablesAlike()
    {
        var id = (string)(await api.PostAsync("{ papers(first: 1) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]![0]!["id"]!;

        async Task<double> CostOf(int count)
        {
            var ids = Enumerable.Repeat(id, count).ToArray();
            var literal = await CostAsync($"{{ nodes(ids: [{string.Join(", ", ids.Select(i => $"\"{i}\""))}]) {{ id }} }}");
            var variable = await CostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
            Assert.Equal(literal, variable);
            return literal.Field;
        }

        var one = await CostOf(1);
        foreach (var count in (int[])[2, 10, Limits.MaxNodes])
            Assert.Equal(one + ((count - 1) * CostDefaults.ListElementCost), await CostOf(count));
    }

    [Fact]
    public async Task AnOrderListCostsTenPerKeyInLiteralsAndVariablesAlike()
    {
        async Task<double> CostOf(int count)
        {
            var literal = await CostAsync($"{{ papers(first: 1, order: [{string.Join(", ", Enumerable.Repeat("{ year: DESC }", count))}]) {{ totalCount }} }}");
            var variable = await CostAsync("query ($order: [PaperSortInput!]) { papers(first: 1, order: $order) { totalCount } }",
                new { order = Enumerable.Repeat(new { year = "DESC" }, count).ToArray() });
            Assert.Equal(literal, variable);
            return literal.Field;
        }

        var one = await CostOf(1);
        Assert.Equal(one, (await CostAsync("{ papers(first: 1, order: { year: DESC }) { totalCount } }")).Field);
        Assert.Equal(one + 10, (await CostAsync("{ papers(first: 1, order: { year: DESC, title: ASC }) { totalCount } }")).Field);
        foreach (var count in (int[])[2, 10, Limits.MaxListItems])
            Assert.Equal(one + ((count - 1) * 10), await CostOf(count));
    }

    [Fact]
    public async Task EveryListAtItsMaximumRunsAndCostsWhatCostDefaultsDocuments()
    {
        var id = (string)(await api.PostAsync("{ papers(first: 1) { nodes { id } } }")).ShouldSucceed().Data["papers"]!["nodes"]![0]!["id"]!;

        // papers 10 + where 10 + year 1 + in 10, then 1 per value.
        Assert.Equal(31 + 500, await ReportedFieldCostAsync(PapersByWhere, new { where = new { year = new { @in = Enumerable.Range(1500, 500).ToArray() } } }));
        // papers 10 + where 10 + or 1, then 11 per operand (year 1 + eq 10).
        Assert.Equal(21 + 550, await ReportedFieldCostAsync(PapersByWhere, new { where = new { or = Enumerable.Range(1500, 50).Select(y => new { year = new { eq = y } }).ToArray() } }));
        // nodes 10, then 1 per id.
        Assert.Equal(10 + 50, await ReportedFieldCostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = Enumerable.Repeat(id, 50).ToArray() }));
        // papers 10 + order 10, then 10 per key. A paper has fewer than 20 keys to sort by and the resolver refuses a key
        // named twice (INVALID_ORDER), so this one is only validated: the limits and the cost admit it.
        using var order = ApiFactory.GraphQLRequest("query ($order: [PaperSortInput!]) { papers(first: 1, order: $order) { totalCount } }",
            new { order = Enumerable.Repeat(new { year = "DESC" }, Limits.MaxListItems).ToArray() });
        order.Headers.Add("GraphQL-Cost", "validate");
        var validated = await api.SendAsync(order);
        Assert.Equal(200, validated.Status);
        Assert.Null(validated.Body["errors"]);
        Assert.Equal(20 + 200, (double)validated.Body["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    private async Task<double> ReportedFieldCostAsync(string query, object variables)
    {
        using var request = ApiFactory.GraphQLRequest(query, variables);
        request.Headers.Add("GraphQL-Cost", "report");
        var response = (await api.SendAsync(request)).ShouldSucceed();
        return (double)response.Body["extensions"]!["operationCost"]!["fieldCost"]!;
    }

    private async Task<(double Field, double Type)> CostAsync(string query, object? variables = null)
    {
        using var request = ApiFactory.GraphQLRequest(query, variables);
        request.Headers.Add("GraphQL-Cost", "validate");
        var response = await api.SendAsync(request);
        var cost = response.Body["extensions"]?["operationCost"]
            ?? throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture, $"{response.Status}: {response.Body.ToJsonString()[..Math.Min(1000, response.Body.ToJsonString().Length)]}"));
        return ((double)cost["fieldCost"]!, (double)cost["typeCost"]!);
    }
}
