using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>The number of SQL statements depends on the query's shape, never on page sizes or data.</summary>
public abstract class StatementCountTests(ApiFactory api) : DatabaseTests(api)
{
    private const string ExampleQuery = """
        query ($n: Int!) {
          papers(first: $n) {
            nodes {
              title
              authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } }
              codebases { nodes { url } }
              datasets { nodes { name } }
            }
          }
        }
        """;

    [Fact]
    public async Task TheNestedExampleQueryCostsTheSameAtFiveAndFiftyPapers()
    {
        var five = (await api.PostAsync(ExampleQuery, new { n = 5 })).ShouldSucceed();
        var fifty = (await api.PostAsync(ExampleQuery, new { n = 50 })).ShouldSucceed();

        Assert.Equal(5, five.Data["papers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(50, fifty.Data["papers"]!["nodes"]!.AsArray().Count);
        // One plan, one statement: the nested lists are correlated subqueries of the papers' statement.
        Assert.Equal(1, five.Statements);
        Assert.Equal(five.Statements, fifty.Statements);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public async Task ScalarListsAndMentionsAreReadInTheRootListsStatementWhateverThePageSize(int n)
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { papers(first: $n) { totalCount nodes { keywords mentions { source { name } line } sources { name } } } }
            """, new { n })).ShouldSucceed();

        var papers = response.Data["papers"]!["nodes"]!.AsArray();
        Assert.Equal(n, papers.Count);
        Assert.All(papers, p => Assert.NotEmpty(p!["mentions"]!.AsArray()));
        // The papers, their count, keywords, mentions with each mention's list, and the lists: one statement.
        Assert.Equal(1, response.Statements);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task PlainListsNestedAtDepthAreReadInTheRootListsStatement(int n)
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { papers(first: $n, where: { keywords: { any: true } }) { nodes { keywords mentions { section line source { name fileName } } sources { name }
              authors(first: 4) { nodes { aliases papers(first: 3) { nodes { keywords sources { name } } } } }
              codebases { nodes { keywords mentions { line source { name } } } } datasets { nodes { aliases mentions { line } } } } } }
            """, new { n })).ShouldSucceed();

        var papers = response.Data["papers"]!["nodes"]!.AsArray();
        Assert.Equal(n, papers.Count);
        Assert.All(papers, p => Assert.NotEmpty(p!["keywords"]!.AsArray()));
        Assert.Contains(papers, p => p!["authors"]!["nodes"]!.AsArray().Any(a => a!["papers"]!["nodes"]!.AsArray().Any(q => q!["keywords"]!.AsArray().Count > 0)));
        Assert.Equal(1, response.Statements);
    }

    [Fact]
    public async Task PlainListsUnderSingleObjectFieldsAreInTheirStatement()
    {
        var response = (await api.PostAsync("""
            { paperByArxivId(arxivId: "2203.02155") { keywords sources { name } mentions { line source { name } } authors(first: 3) { nodes { aliases } } }
              node(id: "QXV0aG9yOjE=") { ... on Author { aliases papers(first: 3) { nodes { keywords mentions { source { name } } } } } } }
            """)).ShouldSucceed();

        Assert.NotEmpty(response.Data["paperByArxivId"]!["mentions"]!.AsArray());
        // One statement per root field.
        Assert.Equal(2, response.Statements);
    }

    [Fact]
    public async Task TheListsThemselvesAreOneStatement()
    {
        var response = (await api.PostAsync("{ sources { name fileName itemCount } }")).ShouldSucceed();

        Assert.Equal(5, response.Data["sources"]!.AsArray().Count);
        Assert.Equal(1, response.Statements);
    }

    [Fact]
    public async Task NestedPagingWithFiltersAndCursorsStaysBatched()
    {
        const string query = """
            query ($n: Int!) {
              authors(first: $n, order: [{ paperCount: DESC }]) {
                nodes {
                  papers(first: 2, where: { year: { gte: 2020 } }, order: [{ title: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { title } }
                  coauthors(first: 3) { nodes { name } }
                }
              }
            }
            """;
        var small = (await api.PostAsync(query, new { n = 3 })).ShouldSucceed();
        var large = (await api.PostAsync(query, new { n = 60 })).ShouldSucceed();

        Assert.Equal(small.Statements, large.Statements);
        Assert.Equal(1, small.Statements);
    }

    [Fact]
    public async Task PaperByArxivIdWithNestedListsIsOneStatement()
    {
        var response = (await api.PostAsync("""
            { paperByArxivId(arxivId: "2203.02155") { title authors { totalCount nodes { name papers(first: 3) { nodes { title codebases { nodes { url } } } } } }
              codebases { edges { relation node { url datasets { nodes { name } } } } } datasets { nodes { name } } } }
            """)).ShouldSucceed();

        Assert.NotEmpty(response.Data["paperByArxivId"]!["authors"]!["nodes"]![0]!["papers"]!["nodes"]!.AsArray());
        Assert.Equal(1, response.Statements);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(50)]
    public async Task NodeOfAnAuthorWithCoauthorsAndPapersIsOneStatementWhateverThePageSizes(int n)
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { node(id: "QXV0aG9yOjE=") { ... on Author { name coauthors(first: $n) { totalCount edges { sharedPapers node { name papers(first: $n) { nodes { title } } } } }
              papers(first: $n) { totalCount nodes { title authors(first: $n) { nodes { name } } } } } } }
            """, new { n })).ShouldSucceed();

        Assert.Equal(Math.Min(n, 38), response.Data["node"]!["coauthors"]!["edges"]!.AsArray().Count);
        Assert.Equal(1, response.Statements);
    }

    [Fact]
    public async Task NodesOfSeveralTypesWithNestedListsAreOneStatement()
    {
        var response = (await api.PostAsync("""
            { nodes(ids: ["UGFwZXI6MQ==", "QXV0aG9yOjE=", "Q29kZWJhc2U6MQ==", "RGF0YXNldDox", "S2V5d29yZDox", "UGFwZXI6Mg==", "UGFwZXI6OTk5OTk5"]) {
                id ... on Paper { authors(first: 2) { nodes { name papers(first: 2) { nodes { title } } } } } ... on Author { coauthors(first: 2) { nodes { name } } }
                ... on Codebase { papers { totalCount } } ... on Dataset { papers(first: 1) { nodes { title } } } ... on Keyword { papers(first: 2) { nodes { title } } } } }
            """)).ShouldSucceed();

        var nodes = response.Data["nodes"]!.AsArray();
        Assert.Equal(7, nodes.Count);
        Assert.Null(nodes[6]);
        Assert.NotEmpty(nodes[5]!["authors"]!["nodes"]!.AsArray());
        Assert.Equal(1, response.Statements);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public async Task SearchWithNestedListsIsTheRankingAndOneStatementForEveryKindFound(int n)
    {
        const string query = """
            query ($n: Int!, $q: String!) { search(query: $q, first: $n) { edges { node { __typename ... on Paper { title authors(first: 3) { nodes { name papers(first: 2) { nodes { title } } } } }
              ... on Author { name papers(first: 2) { nodes { title } } } ... on Codebase { url datasets { nodes { name } } } ... on Dataset { name papers(first: 2) { nodes { title } } } } } } }
            """;
        const string flat = "query ($n: Int!, $q: String!) { search(query: $q, first: $n) { edges { node { __typename } } } }";
        var nested = (await api.PostAsync(query, new { n, q = "hh-rlhf" })).ShouldSucceed();
        var plain = (await api.PostAsync(flat, new { n, q = "hh-rlhf" })).ShouldSucceed();

        Assert.True(nested.Data["search"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["__typename"]!).Distinct().Count() > 1, nested.Data.ToJsonString());
        // The ranking (what the search index costs, as without any selection under the nodes), then one planned
        // statement for the nodes of every kind with all their lists.
        Assert.Equal(plain.Statements, nested.Statements);
        Assert.Equal(2, nested.Statements);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(40)]
    public async Task RelatedPapersAreOneStatementPerLevelWithTheirRanksAndNestedLists(int n)
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { papers(first: $n) { nodes { title related(first: 3) { score paper { title authors(first: 2) { nodes { name papers(first: 2) { nodes { title } } } } datasets { totalCount } } } } } }
            """, new { n })).ShouldSucceed();
        var single = (await api.PostAsync("""
            { paperByArxivId(arxivId: "2203.02155") { related(first: 5) { score paper { title authors { nodes { name } } } } } }
            """)).ShouldSucceed();

        Assert.Contains(response.Data["papers"]!["nodes"]!.AsArray(), p => p!["related"]!.AsArray().Count > 0);
        // The papers; then, for the whole level, the related papers' ranks with each ranked paper and all under it.
        Assert.Equal(1 + 1, response.Statements);
        Assert.Equal(1 + 1, single.Statements);
    }
    [Theory]
    [InlineData("Rafael Rafailov", "Chelsea Finn", 1)]
    [InlineData("Dorsa Sadigh", "Paul Christiano", 3)]
    [InlineData("Paul Christiano", "Dorsa Sadigh", 3)]
    public async Task AuthorPathIsOneStatementPerHopThenOneForItsPapersAndOneForEverythingSelected(string from, string to, int hops)
    {
        const string query = """
            query ($a: ID!, $b: ID!) { authorPath(from: $a, to: $b, maxHops: 6) { hops authors { name aliases papers(first: 3) { nodes { title keywords } } }
              papers { title authors(first: 5) { nodes { name } } mentions { source { name } } } } }
            """;
        var response = (await api.PostAsync(query, new { a = await AuthorIdAsync(from), b = await AuthorIdAsync(to) })).ShouldSucceed();
        var self = (await api.PostAsync(query, new { a = await AuthorIdAsync(from), b = await AuthorIdAsync(from) })).ShouldSucceed();
        var none = (await api.PostAsync("query ($a: ID!, $b: ID!) { authorPath(from: $a, to: $b, maxHops: 2) { hops } }",
            new { a = await AuthorIdAsync("Dorsa Sadigh"), b = await AuthorIdAsync("Paul Christiano") })).ShouldSucceed();

        Assert.Equal(hops, (int)response.Data["authorPath"]!["hops"]!);
        // The walk: one statement per level of the two-sided search (a path of n hops is met at the n-th level); the
        // paper of every hop; the path's authors and papers with all selected under them.
        Assert.Equal(hops + 2, response.Statements);
        // The same author at both ends: only the lookup.
        Assert.Equal(0, (int)self.Data["authorPath"]!["hops"]!);
        Assert.Equal(1, self.Statements);
        // No path within maxHops: at most maxHops levels, nothing more.
        Assert.Null(none.Data["authorPath"]);
        Assert.Equal(2, none.Statements);
    }

    private async Task<string> AuthorIdAsync(string name)
    {
        var response = (await api.PostAsync("query ($n: String!) { authors(where: { name: { eq: $n } }) { nodes { id } } }", new { n = name })).ShouldSucceed();
        return (string)Assert.Single(response.Data["authors"]!["nodes"]!.AsArray())!["id"]!;
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteStatementCountTests(SqliteApiFactory api) : StatementCountTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerStatementCountTests(SqlServerApiFactory api) : StatementCountTests(api);
