using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>Co-authors with shared-paper counts, related papers, co-authorship paths and list consensus, on the seeded data.</summary>
public abstract class GraphQuestionTests(ApiFactory api) : DatabaseTests(api)
{
    private async Task<string> AuthorIdAsync(string name)
    {
        var response = (await api.PostAsync("query ($n: String!) { authors(where: { name: { eq: $n } }) { nodes { id } } }", new { n = name })).ShouldSucceed();
        return (string)Assert.Single(response.Data["authors"]!["nodes"]!.AsArray())!["id"]!;
    }

    [Fact]
    public async Task CoauthorEdgesCarryTheSharedPaperCountMostFirst()
    {
        var sadigh = await AuthorIdAsync("Dorsa Sadigh");
        var response = (await api.PostAsync("""
            query ($id: ID!) { node(id: $id) { ... on Author { papers(first: 50) { nodes { authors(first: 50) { nodes { name } } } } coauthors(first: 50) { edges { sharedPapers node { name } } } } } }
            """, new { id = sadigh })).ShouldSucceed();

        var author = response.Data["node"]!;
        var counted = author["papers"]!["nodes"]!.AsArray()
            .SelectMany(p => p!["authors"]!["nodes"]!.AsArray().Select(a => (string)a!["name"]!))
            .Where(n => n != "Dorsa Sadigh").GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var edges = author["coauthors"]!["edges"]!.AsArray().Select(e => ((string)e!["node"]!["name"]!, (int)e["sharedPapers"]!)).ToList();
        Assert.Equal(counted.Count, edges.Count);
        Assert.All(edges, e => Assert.Equal(counted[e.Item1], e.Item2));
        Assert.Equal(edges.Select(e => e.Item2).OrderDescending(), edges.Select(e => e.Item2));
        Assert.True(edges[0].Item2 > 1, "someone wrote more than one paper with her");
    }

    [Fact]
    public async Task DpoIsMentionedByTwoListsAndSaysWhichOnes()
    {
        var response = (await api.PostAsync("""
            { paperByArxivId(arxivId: "2305.18290") { mentionCount sources { name } mentions { source { name } } } }
            """)).ShouldSucceed();

        var paper = response.Data["paperByArxivId"]!;
        var fromMentions = paper["mentions"]!.AsArray().Select(m => (string)m!["source"]!["name"]!).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(2, (int)paper["mentionCount"]!);
        Assert.Equal(fromMentions, paper["sources"]!.AsArray().Select(s => (string)s!["name"]!));
    }

    [Fact]
    public async Task PapersCanBeRankedByConsensus()
    {
        var response = (await api.PostAsync("{ papers(first: 5, order: [{ mentionCount: DESC }]) { nodes { mentionCount sources { name } } } }")).ShouldSucceed();

        var nodes = response.Data["papers"]!["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.Equal((int)n!["mentionCount"]!, n["sources"]!.AsArray().Count));
        Assert.True((int)nodes[0]!["mentionCount"]! >= 3);
    }

    [Fact]
    public async Task RelatedPapersShareWhatTheirScoreSays()
    {
        var response = (await api.PostAsync("""
            {
              papers(first: 3, where: { keywords: { some: { eq: "RLHF" } } }) {
                nodes {
                  id authors { nodes { id } } keywords
                  related(first: 5) { score sharedAuthors sharedKeywords sharedDatasets sharedCodebases paper { id authors(first: 50) { nodes { id } } keywords } }
                }
              }
              dpo: paperByArxivId(arxivId: "2305.18290") { related { sharedAuthors paper { title } } }
            }
            """)).ShouldSucceed();

        foreach (var paper in response.Data["papers"]!["nodes"]!.AsArray())
        {
            var related = paper!["related"]!.AsArray();
            // Two dozen papers share the RLHF keyword, so each has its five.
            Assert.Equal(5, related.Count);
            var authors = Ids(paper["authors"]!["nodes"]!);
            var keywords = paper["keywords"]!.AsArray().Select(k => (string)k!).ToHashSet();
            foreach (var r in related)
            {
                Assert.NotEqual((string)paper["id"]!, (string)r!["paper"]!["id"]!);
                Assert.Equal(authors.Intersect(Ids(r["paper"]!["authors"]!["nodes"]!)).Count(), (int)r["sharedAuthors"]!);
                Assert.Equal(keywords.Intersect(r["paper"]!["keywords"]!.AsArray().Select(k => (string)k!)).Count(), (int)r["sharedKeywords"]!);
                Assert.Equal(3 * (int)r["sharedAuthors"]! + 2 * (int)r["sharedDatasets"]! + 2 * (int)r["sharedCodebases"]! + (int)r["sharedKeywords"]!, (int)r["score"]!);
            }

            var scores = related.Select(r => (int)r!["score"]!).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        }

        // DPO has no keywords, data or code in the lists; its relatives come through its authors.
        var dpo = response.Data["dpo"]!["related"]!.AsArray();
        Assert.NotEmpty(dpo);
        Assert.All(dpo, r => Assert.True((int)r!["sharedAuthors"]! > 0));
    }

    [Fact]
    public async Task RelatedPapersAreBatchedPerLevel()
    {
        const string query = "query ($n: Int!) { papers(first: $n) { nodes { related(first: 3) { score paper { title } } } } }";
        var small = (await api.PostAsync(query, new { n = 3 })).ShouldSucceed();
        var large = (await api.PostAsync(query, new { n = 60 })).ShouldSucceed();

        // papers; related papers with their ranks (one planned statement for the level).
        Assert.Equal(2, small.Statements);
        Assert.Equal(small.Statements, large.Statements);
    }

    [Fact]
    public async Task AuthorPathLinksDpoAuthorsThroughTheirPaper()
    {
        var rafailov = await AuthorIdAsync("Rafael Rafailov");
        var finn = await AuthorIdAsync("Chelsea Finn");
        var response = (await api.PostAsync("""
            query ($from: ID!, $to: ID!) { authorPath(from: $from, to: $to) { hops authors { id name } papers { title authors(first: 50) { nodes { id } } } } }
            """, new { from = rafailov, to = finn })).ShouldSucceed();

        var path = response.Data["authorPath"]!;
        Assert.Equal(1, (int)path["hops"]!);
        Assert.Equal(["Rafael Rafailov", "Chelsea Finn"], path["authors"]!.AsArray().Select(a => (string)a!["name"]!));
        AssertLinks(path);
    }

    [Fact]
    public async Task AuthorPathFindsTheShortestChainBetweenStrangers()
    {
        // Two authors who share no paper but are linked within a few hops, found from the data itself.
        await using var db = api.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        var sadigh = await db.Authors.Where(a => a.Name == "Dorsa Sadigh").Select(a => a.Id).SingleAsync(ct);
        var direct = await db.Coauthorships.Where(c => c.AuthorId == sadigh).Select(c => c.CoauthorId).ToListAsync(ct);
        var twoAway = await db.Coauthorships.Where(c => direct.Contains(c.AuthorId) && c.CoauthorId != sadigh && !direct.Contains(c.CoauthorId))
            .OrderBy(c => c.CoauthorId).Select(c => c.CoauthorId).FirstAsync(ct);
        var response = (await api.PostAsync("""
            query ($from: ID!, $to: ID!) { authorPath(from: $from, to: $to, maxHops: 3) { hops authors { id name } papers { title authors(first: 50) { nodes { id } } } } }
            """, new { from = NodeId("Author", sadigh), to = NodeId("Author", twoAway) })).ShouldSucceed();
        var tooShort = (await api.PostAsync("query ($from: ID!, $to: ID!) { authorPath(from: $from, to: $to, maxHops: 1) { hops } }",
            new { from = NodeId("Author", sadigh), to = NodeId("Author", twoAway) })).ShouldSucceed();

        var path = response.Data["authorPath"]!;
        Assert.Equal(2, (int)path["hops"]!);
        Assert.Equal(NodeId("Author", sadigh), (string)path["authors"]![0]!["id"]!);
        Assert.Equal(NodeId("Author", twoAway), (string)path["authors"]![2]!["id"]!);
        AssertLinks(path);
        Assert.Null(tooShort.Data["authorPath"]);
    }

    [Fact]
    public async Task DorsaSadighReachesPaulChristianoInThreeHopsAndNotInTwo()
    {
        var sadigh = await AuthorIdAsync("Dorsa Sadigh");
        var christiano = await AuthorIdAsync("Paul Christiano");
        const string query = "query ($a: ID!, $b: ID!, $h: Int!) { authorPath(from: $a, to: $b, maxHops: $h) { hops authors { id name } papers { title authors(first: 50) { nodes { id } } } } }";
        var three = (await api.PostAsync(query, new { a = sadigh, b = christiano, h = 4 })).ShouldSucceed();
        var two = (await api.PostAsync(query, new { a = sadigh, b = christiano, h = 2 })).ShouldSucceed();
        var back = (await api.PostAsync(query, new { a = christiano, b = sadigh, h = 4 })).ShouldSucceed();

        var path = three.Data["authorPath"]!;
        Assert.Equal(3, (int)path["hops"]!);
        Assert.Equal(("Dorsa Sadigh", "Paul Christiano"), ((string)path["authors"]![0]!["name"]!, (string)path["authors"]![3]!["name"]!));
        AssertLinks(path);
        Assert.Null(two.Data["authorPath"]);
        Assert.Equal(3, (int)back.Data["authorPath"]!["hops"]!);
    }

    [Fact]
    public async Task SourcesAndCoauthorCountsStayBatched()
    {
        const string query = "query ($n: Int!) { papers(first: $n) { nodes { mentionCount sources { name } authors(first: 3) { nodes { coauthors(first: 2) { edges { sharedPapers } } } } } } }";
        var small = (await api.PostAsync(query, new { n = 3 })).ShouldSucceed();
        var large = (await api.PostAsync(query, new { n = 60 })).ShouldSucceed();

        Assert.Equal(small.Statements, large.Statements);
        Assert.All(large.Data["papers"]!["nodes"]!.AsArray(), p => Assert.Equal((int)p!["mentionCount"]!, p["sources"]!.AsArray().Count));
    }

    [Fact]
    public async Task AuthorPathRejectsNonAuthorsAndHopsOutOfRange()
    {
        var sadigh = await AuthorIdAsync("Dorsa Sadigh");
        var notAuthor = await api.PostAsync("query ($a: ID!) { authorPath(from: $a, to: \"UGFwZXI6MQ==\") { hops } }", new { a = sadigh });
        var tooFar = await api.PostAsync("query ($a: ID!) { authorPath(from: $a, to: $a, maxHops: 7) { hops } }", new { a = sadigh });
        var self = (await api.PostAsync("query ($a: ID!) { authorPath(from: $a, to: $a) { hops authors { name } papers { title } } }", new { a = sadigh })).ShouldSucceed();

        Assert.Equal("INVALID_NODE_ID", (string)notAuthor.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal("INVALID_ARGUMENT", (string)tooFar.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal(0, (int)self.Data["authorPath"]!["hops"]!);
        Assert.Empty(self.Data["authorPath"]!["papers"]!.AsArray());
    }

    private static HashSet<string> Ids(JsonNode nodes) => nodes.AsArray().Select(n => (string)n!["id"]!).ToHashSet();

    private static string NodeId(string type, int id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>Each paper on the path credits both authors it sits between.</summary>
    private static void AssertLinks(JsonNode path)
    {
        var authors = path["authors"]!.AsArray().Select(a => (string)a!["id"]!).ToList();
        var papers = path["papers"]!.AsArray();
        Assert.Equal(authors.Count - 1, papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            var credited = Ids(papers[i]!["authors"]!["nodes"]!);
            Assert.Contains(authors[i], credited);
            Assert.Contains(authors[i + 1], credited);
        }
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteGraphQuestionTests(SqliteApiFactory api) : GraphQuestionTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerGraphQuestionTests(SqlServerApiFactory api) : GraphQuestionTests(api);
