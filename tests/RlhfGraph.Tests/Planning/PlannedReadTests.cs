using System.Text.Json.Nodes;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Planning;

/// <summary>
/// A root list, or a single-object field, and everything under it is one plan and one statement; the answers are
/// exactly those the batched EF Core read path gave before it was removed (recorded in RecordedAnswers.json, over the
/// real seed data).
/// </summary>
public abstract class PlannedReadTests(ApiFactory api) : DatabaseTests(api)
{
    /// <summary>Shapes the planner must get right: every nested list, filters of each kind, orders, cursors, link fields.</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "four levels", "{ authors(first: 3, order: [{ paperCount: DESC }]) { nodes { name papers(first: 3) { nodes { title codebases(first: 2) { nodes { url datasets { nodes { name } } } } } } } } }" },
        { "every nested list of a paper", "{ papers(first: 5, where: { codebases: { any: true } }) { totalCount nodes { id title kind authors { totalCount nodes { id name kind } } codebases { edges { cursor relation node { name url host owner repository } } } datasets { pageInfo { hasNextPage endCursor } nodes { name url } } } } }" },
        { "author lists", "{ authors(first: 4, order: [{ paperCount: DESC }, { name: ASC }]) { nodes { name coauthors(first: 3) { edges { sharedPapers node { name paperCount } } } papers(first: 2, where: { year: { gte: 2022 } }, order: [{ title: ASC }]) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { title year } } } } }" },
        { "codebase lists", "{ codebases(first: 5, where: { papers: { some: { year: { gte: 2020 } } } }) { nodes { name papers { nodes { title } } datasets { nodes { name } } authors { nodes { name } } } } }" },
        { "dataset and keyword lists", "{ datasets(first: 5, order: [{ name: DESC }]) { nodes { name papers(first: 2) { nodes { title } } codebases { totalCount } } } keywords(first: 5) { nodes { name category papers(first: 3, order: [{ mentionCount: DESC }]) { nodes { title mentionCount } } } } }" },
        { "string, enum, bool and list filters", "{ papers(first: 20, where: { or: [{ title: { contains: \"reward\" } }, { title: { startsWith: \"Direct\" } }], kind: { in: [PAPER, SURVEY] }, hasOfficialCode: { eq: false }, keywords: { none: { eq: \"atari\" } }, authors: { all: { name: { ncontains: \"zzz\" } } }, venue: { neq: null } }, order: [{ year: DESC }, { title: ASC }]) { totalCount nodes { title venue kind year } } }" },
        { "nested filters two levels deep", "{ papers(first: 10, where: { authors: { some: { papers: { some: { datasets: { any: true } } } } } }) { totalCount nodes { title authors(where: { paperCount: { gt: 1 } }, order: [{ name: ASC }]) { nodes { name paperCount } } } } }" },
        { "nulls and negations", "{ papers(first: 10, where: { arxivId: { eq: null }, year: { nlt: 2019, ngt: 2024 }, citationCount: { neq: 5 }, alias: { nstartsWith: \"A\" } }, order: [{ citationCount: DESC }, { alias: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { title year citationCount alias } } }" },
        { "mentions and sources filters", "{ papers(first: 10, where: { mentions: { some: { line: { gt: 10 } } }, sources: { some: { name: { contains: \"awesome\" } } } }) { totalCount nodes { title mentionCount } } }" },
        { "backward paging and first with last", "{ a: papers(last: 3) { pageInfo { hasNextPage hasPreviousPage startCursor } nodes { title } } b: papers(first: 5, last: 2) { pageInfo { hasPreviousPage hasNextPage } nodes { title } } c: papers(first: 0) { totalCount } }" },
        { "fragments, aliases and directives", "query ($with: Boolean = true, $without: Boolean = false) { papers(first: 4) { ...P nodes { x: authors(first: 1) { nodes { name } } y: authors(first: 2, order: [{ name: DESC }]) @include(if: $with) { nodes { name } } z: datasets @skip(if: $without) { nodes { name } } } } } fragment P on PapersConnection { nodes { ... on Paper { title codebases { nodes { url } } } } }" },
        { "conditions folded away beside bound values (found by the fuzzer)", "{ keywords(where: { name: { or: [{ in: [], eq: \"\" }, { eq: \"rlhf\" }] }, category: { and: [{ neq: TOPIC, in: [] }], nin: [TOPIC, TASK, TOPIC] } }, order: []) { nodes { category id } } }" },
        { "id filters and sorts", "{ papers(first: 5, order: [{ id: DESC }], where: { id: { nin: [\"UGFwZXI6MQ==\", \"UGFwZXI6Mg==\"] } }) { nodes { id title authors(order: [{ id: ASC }]) { nodes { id } } } } }" },
    };

    /// <summary>The answers the batched read path gave (Planning:Enabled=false, before it was removed), by shape name.</summary>
    private static readonly JsonObject Recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "tests", "RlhfGraph.Tests", "Planning", "RecordedAnswers.json")))!.AsObject();

    /// <summary>The single-object shapes of the recording: paperByArxivId, node, nodes, search, related, authorPath, autocomplete.</summary>
    public static TheoryData<string> SingleObjectShapes => [.. Recorded.Select(p => p.Key).Where(k => !k.StartsWith("root: ", StringComparison.Ordinal))];

    /// <summary>A recorded shape's operation.</summary>
    public static string QueryOf(string shape) => (string)Recorded[shape]!["query"]!;

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task PlannedAnswersEqualTheRecordedBatchedOnesInOneStatement(string shape, string query)
    {
        var expected = Recorded[$"root: {shape}"]!;
        Assert.Equal(query, (string)expected["query"]!);

        var planned = (await api.PostAsync(query)).ShouldSucceed();

        Assert.True(JsonNode.DeepEquals(expected["response"]!["data"], planned.Data), $"{shape}: planned {planned.Data.ToJsonString()[..Math.Min(600, planned.Data.ToJsonString().Length)]}");
        var roots = ((JsonObject)planned.Data).Count;
        Assert.True(planned.Statements == roots, $"{shape}: {planned.Statements} statements for {roots} root fields");
    }

    [Theory]
    [MemberData(nameof(SingleObjectShapes))]
    public async Task SingleObjectAnswersAndErrorsEqualTheRecordedBatchedOnes(string shape)
    {
        var expected = Recorded[shape]!;

        var planned = await api.PostAsync(QueryOf(shape));

        Assert.Equal((int)expected["status"]!, planned.Status);
        Assert.True(JsonNode.DeepEquals(expected["response"], planned.Body), $"{shape}:\nrecorded {expected["response"]!.ToJsonString()}\nplanned  {planned.Body.ToJsonString()}");
    }

    [Fact]
    public async Task TheSameListUnderNodesAndEdgesWithOtherArgumentsReadsEachItself()
    {
        const string query = "{ papers(first: 3) { nodes { authors(first: 1) { nodes { name } } } edges { node { authors(first: 2) { nodes { name } } } } } }";
        var underNodes = (await api.PostAsync("{ papers(first: 3) { nodes { authors(first: 1) { nodes { name } } } } }")).ShouldSucceed();
        var underEdges = (await api.PostAsync("{ papers(first: 3) { edges { node { authors(first: 2) { nodes { name } } } } } }")).ShouldSucceed();

        var planned = (await api.PostAsync(query)).ShouldSucceed();

        // Both answers hang off the same paper objects, so neither is read ahead: the papers' statement, then each
        // authors list planned on its own, one statement for the whole level of papers.
        Assert.True(JsonNode.DeepEquals(underNodes.Data["papers"]!["nodes"], planned.Data["papers"]!["nodes"]), planned.Data.ToJsonString());
        Assert.True(JsonNode.DeepEquals(underEdges.Data["papers"]!["edges"], planned.Data["papers"]!["edges"]), planned.Data.ToJsonString());
        Assert.Single(planned.Data["papers"]!["nodes"]![0]!["authors"]!["nodes"]!.AsArray());
        Assert.Equal(2, planned.Data["papers"]!["edges"]![0]!["node"]!["authors"]!["nodes"]!.AsArray().Count);
        Assert.Equal(1 + 1 + 1, planned.Statements);
        Assert.Equal(1, underNodes.Statements);
    }

    [Fact]
    public async Task ASingleObjectFieldAndAllItsListsAreOneStatementAnsweringAsTheRootListDoes()
    {
        const string lists = "id title authors { totalCount nodes { name papers(first: 3) { nodes { title } } } } codebases { edges { relation node { url datasets { nodes { name } } } } } datasets(order: [{ name: ASC }]) { nodes { name } }";
        var lookup = (await api.PostAsync($$"""{ paperByArxivId(arxivId: "2203.02155") { {{lists}} } }""")).ShouldSucceed();
        var rootList = (await api.PostAsync($$"""{ papers(first: 1, where: { arxivId: { eq: "2203.02155" } }) { nodes { {{lists}} } } }""")).ShouldSucceed();

        Assert.True(JsonNode.DeepEquals(rootList.Data["papers"]!["nodes"]![0], lookup.Data["paperByArxivId"]), lookup.Data.ToJsonString());
        Assert.Equal(3, lookup.Data["paperByArxivId"]!["authors"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1, lookup.Statements);
        Assert.Equal(1, rootList.Statements);
    }

    [Fact]
    public async Task CursorsFromAPlannedPageWalkTheWholeListOnceEachWay()
    {
        var forward = await api.AllNodesAsync("paper", "id");
        var ids = forward.Select(n => (string)n["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var backward = new List<string>();
        string? before = null;
        for (var page = 0; page < 100; page++)
        {
            var response = (await api.PostAsync(
                "query ($before: String) { papers(last: 100, before: $before) { nodes { id } pageInfo { hasPreviousPage startCursor } } }", new { before })).ShouldSucceed();
            var connection = response.Data["papers"]!;
            backward.InsertRange(0, connection["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            if (!(bool)connection["pageInfo"]!["hasPreviousPage"]!) break;
            before = (string)connection["pageInfo"]!["startCursor"]!;
        }

        Assert.Equal(ids, backward);
    }

    [Theory]
    [InlineData("{ papers(first: 2) { nodes { title authors(after: \"not-a-cursor\") { nodes { name } } datasets { nodes { name } } } } }", "papers")]
    [InlineData("{ nodes(ids: [\"UGFwZXI6MQ==\", \"UGFwZXI6Mg==\"]) { ... on Paper { title authors(after: \"not-a-cursor\") { nodes { name } } datasets { nodes { name } } } } }", "nodes")]
    public async Task ANestedListWithABadCursorFailsAloneAtItsPath(string query, string root)
    {
        var response = await api.PostAsync(query);

        Assert.Equal("HC0078", response.Code);
        Assert.Equal(root, (string)response.Errors![0]!["path"]![0]!);
        Assert.Equal("authors", (string)response.Errors![0]!["path"]!.AsArray()[^1]!);
        var parents = root == "papers" ? response.Data["papers"]!["nodes"]!.AsArray() : response.Data["nodes"]!.AsArray();
        Assert.Equal(2, parents.Count);
        Assert.Equal(2, response.Errors!.Count);
        Assert.NotNull(parents[0]!["datasets"]);
        Assert.Null(parents[0]!["authors"]);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqlitePlannedReadTests(SqliteApiFactory api) : PlannedReadTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerPlannedReadTests(SqlServerApiFactory api) : PlannedReadTests(api);
