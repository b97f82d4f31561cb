using System.Text.Json.Nodes;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// One of queries a–e of issue 12, written for both APIs so that both return the same values in the same order:
/// ours in HotChocolate style (<c>papers(where:, order:)</c>), PostGraphile's through <c>allPapers(condition:|filter:,
/// orderBy:)</c> and the link tables its foreign keys expose (<c>paperAuthorsByPaperId { nodes { authorByAuthorId }
/// }</c>). Every nested list asks <c>first</c> explicitly: PostGraphile's have no default page size, ours default to 10.
/// a and c come in two shapes: the root list (<c>papers(first: 1, where: …)</c>) and the single-object lookup a client
/// would write first (<c>paperByArxivId</c>, <c>node(id:)</c>; PostGraphile's <c>paperByArxivId</c> and
/// <c>authorById</c> — 5: <c>authorByRowId</c> —, its fields for a unique key).
/// </summary>
internal sealed record PeerQuery(string Key, string Title, string Ours, string Peer)
{
    public string? OursVariables { get; init; }

    public string? PeerVariables { get; init; }

    /// <summary>PostGraphile 5's text where it differs from 4's (amber's node-id plugin renames a table's `id` to `rowId`).</summary>
    public string? Peer5 { get; init; }

    /// <summary>Variables for PostGraphile 5 where they differ from 4's (its cursors).</summary>
    public string? Peer5Variables { get; init; }

    /// <summary>The request body for a server: ours, or PostGraphile of the given major version.</summary>
    public string Body(int? peerMajor) => peerMajor switch
    {
        null => JsonBody(Ours, OursVariables),
        >= 5 => JsonBody(Peer5 ?? Peer, Peer5Variables ?? PeerVariables),
        _ => JsonBody(Peer, PeerVariables),
    };

    // Its own, not BenchmarkServer's: the test project compiles this file alone (QueryPlanTests runs these queries).
    private static string JsonBody(string query, string? variablesJson) =>
        $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)}{(variablesJson is null ? "" : $",\"variables\":{variablesJson}")}}}";

    private const string PaperFields = """
        title year venue
          authors(first: 10) { nodes { name } } codebases(first: 10) { nodes { name url } } datasets(first: 10) { nodes { name } }
        """;

    private const string PeerPaperFields = """
        title year venue
          paperAuthorsByPaperId(first: 10, orderBy: [POSITION_ASC]) { nodes { authorByAuthorId { name } } }
          paperCodebasesByPaperId(first: 10, orderBy: [RELATION_ASC]) { nodes { codebasisByCodebaseId { name url } } }
          paperDatasetsByPaperId(first: 10) { nodes { datasetByDatasetId { name } } }
        """;

    private const string AuthorFields = """
        name paperCount
          papers(first: 10, order: [{ year: DESC }]) { nodes { title year codebases(first: 10) { nodes { name url } } } }
        """;

    private const string PeerAuthorFields = """
        name paperCount
          papersByPaperAuthorAuthorIdAndPaperId(first: 10, orderBy: [YEAR_DESC, PRIMARY_KEY_ASC]) { nodes { title year
            paperCodebasesByPaperId(first: 10, orderBy: [RELATION_ASC]) { nodes { codebasisByCodebaseId { name url } } } } }
        """;

    /// <summary>
    /// Queries a–e (a and c in both shapes); <paramref name="arxivId"/>, the author and the cursors (at the same depth,
    /// one per server since each encodes its own) are picked from the corpus.
    /// </summary>
    public static IReadOnlyList<PeerQuery> All(string arxivId, (int Id, string Name) author, string oursCursor, string? peer4Cursor, string? peer5Cursor) =>
    [
        new("a-list", "paper by arXiv id as a root list, 10 authors, codebases, datasets",
            $"query A($arxivId: String!) {{ papers(first: 1, where: {{ arxivId: {{ eq: $arxivId }} }}) {{ nodes {{ {PaperFields} }} }} }}",
            $"query A($arxivId: String!) {{ allPapers(first: 1, condition: {{ arxivId: $arxivId }}) {{ nodes {{ {PeerPaperFields} }} }} }}")
        { OursVariables = Variables("arxivId", arxivId), PeerVariables = Variables("arxivId", arxivId) },
        new("a-lookup", "the same paper by paperByArxivId",
            $"query A($arxivId: String!) {{ paperByArxivId(arxivId: $arxivId) {{ {PaperFields} }} }}",
            $"query A($arxivId: String!) {{ paperByArxivId(arxivId: $arxivId) {{ {PeerPaperFields} }} }}")
        { OursVariables = Variables("arxivId", arxivId), PeerVariables = Variables("arxivId", arxivId) },
        new("b", "20 papers year ≥ 2023 by year desc, title; 5 authors each",
            """
            { papers(first: 20, where: { year: { gte: 2023 } }, order: [{ year: DESC }, { title: ASC }]) { nodes { title year
              authors(first: 5) { nodes { name } } } } }
            """,
            """
            { allPapers(first: 20, filter: { year: { greaterThanOrEqualTo: 2023 } }, orderBy: [YEAR_DESC, TITLE_ASC]) { nodes { title year
              paperAuthorsByPaperId(first: 5, orderBy: [POSITION_ASC]) { nodes { authorByAuthorId { name } } } } } }
            """),
        new("c-list", "author page as a root list: 10 papers, each with codebases",
            $"query C($name: String!) {{ authors(first: 1, where: {{ name: {{ eq: $name }} }}) {{ nodes {{ {AuthorFields} }} }} }}",
            $"query C($name: String!) {{ allAuthors(first: 1, condition: {{ name: $name }}) {{ nodes {{ {PeerAuthorFields} }} }} }}")
        { OursVariables = Variables("name", author.Name), PeerVariables = Variables("name", author.Name) },
        new("c-lookup", "the same author by node(id:) / authorById",
            $"query C($id: ID!) {{ node(id: $id) {{ ... on Author {{ {AuthorFields} }} }} }}",
            $"query C($id: Int!) {{ authorById(id: $id) {{ {PeerAuthorFields} }} }}")
        {
            OursVariables = Variables("id", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Author:{author.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))),
            PeerVariables = $"{{\"id\":{author.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}",
            Peer5 = $"query C($id: Int!) {{ authorByRowId(rowId: $id) {{ {PeerAuthorFields} }} }}",
        },
        new("d", "20 papers after a cursor at 90 % depth",
            "query D($after: String) { papers(first: 20, after: $after) { nodes { title year } pageInfo { hasNextPage endCursor } } }",
            "query D($after: Cursor) { allPapers(first: 20, after: $after, orderBy: [PRIMARY_KEY_ASC]) { nodes { title year } pageInfo { hasNextPage endCursor } } }")
        {
            OursVariables = Variables("after", oursCursor),
            PeerVariables = peer4Cursor is null ? null : Variables("after", peer4Cursor),
            Peer5Variables = peer5Cursor is null ? null : Variables("after", peer5Cursor),
        },
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
