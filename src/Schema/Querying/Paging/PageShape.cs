namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// Fetched rows (one more than the page, to learn whether more exist) made into a page the Relay way: the extra row
/// dropped, backward pages put back in order, `last` with `first` keeping the last of the first.
/// </summary>
internal static class PageShape
{
    public static Page Of(PageRequest request, List<Edge> edges, int? total, bool outside)
    {
        var more = edges.Count > request.Size;
        if (more) edges.RemoveAt(edges.Count - 1);
        if (request.Backward) edges.Reverse();
        var trimmed = request.KeepLast is { } keep && edges.Count > keep;
        if (trimmed) edges.RemoveRange(0, edges.Count - request.KeepLast!.Value);
        var info = new PageInfo(
            HasNextPage: request.Backward ? outside : more,
            HasPreviousPage: request.Backward ? more : outside || trimmed,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Page(edges, info, total);
    }
}
