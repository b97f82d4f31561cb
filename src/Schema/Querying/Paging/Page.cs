namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>A connection's answer: edges, page info and (when asked for) the total.</summary>
internal sealed record Page(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount)
{
    /// <summary>The edges' nodes, made once (a page is often read through both nodes and edges).</summary>
    public IReadOnlyList<object> Nodes => field ??= [.. Edges.Select(e => e.Node)];
}

/// <summary>An edge; Item is the row behind it (a link row such as a paper's code link, whose relation the edge shows).</summary>
internal sealed record Edge(string Cursor, object Node, object Item);

internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
