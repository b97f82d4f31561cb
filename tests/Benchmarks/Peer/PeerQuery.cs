using System.Text.Json.Nodes;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// One of queries a–e of issue 12, written for both APIs so that both return the same values in the same order:
/// ours in HotChocolate style (<c>papers(where:, order:)</c>), PostGraphile's through <c>allPapers(condition:|filter:,
/// orderBy:)</c> and the link tables its foreign keys expose (<c>paperAuthorsByPaperId { nodes { authorByAuthorId }
/// }</c>). Every nested list asks <c>first</c> explicitly: PostGraphile's have no default page size, ours default to 10.
/// </summary>
internal sealed record PeerQuery(string Key, string Title, string Ours, string Peer)
{
    public string? OursVariables { get; init; }

    public string? PeerVariables { get; init; }

    /// <summary>Queries a–e; <paramref name="arxivId"/>, <paramref name="author"/> and the two cursors (at the same depth) are picked from the corpus.</summary>
    public static IReadOnlyList<PeerQuery> All(string arxivId, string author, string oursCursor, string peerCursor) =>
    [
        new("a", "paper by arXiv id with 10 authors, codebases, datasets",
            """
            query A($arxivId: String!) { papers(first: 1, where: { arxivId: { eq: $arxivId } }) { nodes { title year venue
              authors(first: 10) { nodes { name } } codebases(first: 10) { nodes { name url } } datasets(first: 10) { nodes { name } } } } }
            """,
            """
            query A($arxivId: String!) { allPapers(first: 1, condition: { arxivId: $arxivId }) { nodes { title year venue
              paperAuthorsByPaperId(first: 10, orderBy: [POSITION_ASC]) { nodes { authorByAuthorId { name } } }
              paperCodebasesByPaperId(first: 10, orderBy: [RELATION_ASC]) { nodes { codebasisByCodebaseId { name url } } }
              paperDatasetsByPaperId(first: 10) { nodes { datasetByDatasetId { name } } } } } }
            """) { OursVariables = Variables("arxivId", arxivId), PeerVariables = Variables("arxivId", arxivId) },
        new("b", "20 papers year ≥ 2023 by year desc, title, 5 authors each",
            """
            { papers(first: 20, where: { year: { gte: 2023 } }, order: [{ year: DESC }, { title: ASC }]) { nodes { title year
              authors(first: 5) { nodes { name } } } } }
            """,
            """
            { allPapers(first: 20, filter: { year: { greaterThanOrEqualTo: 2023 } }, orderBy: [YEAR_DESC, TITLE_ASC]) { nodes { title year
              paperAuthorsByPaperId(first: 5, orderBy: [POSITION_ASC]) { nodes { authorByAuthorId { name } } } } } }
            """),
        new("c", "author page: 10 papers, each with codebases",
            """
            query C($name: String!) { authors(first: 1, where: { name: { eq: $name } }) { nodes { name paperCount
              papers(first: 10, order: [{ year: DESC }]) { nodes { title year codebases(first: 10) { nodes { name url } } } } } } }
            """,
            """
            query C($name: String!) { allAuthors(first: 1, condition: { name: $name }) { nodes { name paperCount
              papersByPaperAuthorAuthorIdAndPaperId(first: 10, orderBy: [YEAR_DESC]) { nodes { title year
                paperCodebasesByPaperId(first: 10, orderBy: [RELATION_ASC]) { nodes { codebasisByCodebaseId { name url } } } } } } } }
            """) { OursVariables = Variables("name", author), PeerVariables = Variables("name", author) },
        new("d", "20 papers after a cursor at 90 % depth",
            "query D($after: String) { papers(first: 20, after: $after) { nodes { title year } pageInfo { hasNextPage endCursor } } }",
            "query D($after: Cursor) { allPapers(first: 20, after: $after, orderBy: [PRIMARY_KEY_ASC]) { nodes { title year } pageInfo { hasNextPage endCursor } } }")
        { OursVariables = Variables("after", oursCursor), PeerVariables = Variables("after", peerCursor) },
        new("e", "dashboard: 50 papers × authors, codebases, datasets",
            """
            { papers(first: 50) { nodes { title year citationCount
              authors(first: 10) { nodes { name } } codebases(first: 10) { nodes { url } } datasets(first: 10) { nodes { name } } } } }
            """,
            """
            { allPapers(first: 50, orderBy: [PRIMARY_KEY_ASC]) { nodes { title year citationCount
              paperAuthorsByPaperId(first: 10, orderBy: [POSITION_ASC]) { nodes { authorByAuthorId { name } } }
              paperCodebasesByPaperId(first: 10, orderBy: [RELATION_ASC]) { nodes { codebasisByCodebaseId { url } } }
              paperDatasetsByPaperId(first: 10) { nodes { datasetByDatasetId { name } } } } } }
            """),
    ];

    /// <summary>
    /// The response's scalar values in document order, keys and cursors left out: the two APIs name and nest
    /// things differently (and encode cursors differently), so "the same data" means the same values in the same order.
    /// </summary>
    public static List<string> Values(string response)
    {
        var values = new List<string>();
        var pending = new Stack<(string? Key, JsonNode? Node)>();
        pending.Push((null, JsonNode.Parse(response)!["data"]));
        while (pending.Count > 0)
        {
            var (key, node) = pending.Pop();
            if (key is "cursor" or "endCursor" or "startCursor") continue;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var property in obj.Reverse()) pending.Push((property.Key, property.Value));
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) pending.Push((null, array[i]));
                    values.Add($"[{array.Count}]");
                    break;
                default:
                    values.Add(node?.ToJsonString() ?? "null");
                    break;
            }
        }

        return values;
    }

    private static string Variables(string name, string value) =>
        $"{{{System.Text.Json.JsonSerializer.Serialize(name)}:{System.Text.Json.JsonSerializer.Serialize(value)}}}";
}
