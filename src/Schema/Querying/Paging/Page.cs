namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>A connection's answer: edges, page info and (when asked for) the total.</summary>
internal sealed record Page(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public IEnumerable<object> Nodes => Edges.Select(e => e.Node);
}

/// <summary>An edge; Item is the row behind it (a link row such as a paper's code link, whose relation the edge shows).</summary>
internal sealed record Edge(string Cursor, object Node, object Item);

internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
