namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>One fetched row: the queried item (a link row for nested lists), its node, and its sort-key values for the cursor.</summary>
internal sealed class Row<TItem, TNode>
{
    public TItem Item { get; set; } = default!;

    public TNode Node { get; set; } = default!;

    /// <summary>The node's id, for nested pages whose nodes are fetched in a second statement.</summary>
    public int NodeId { get; set; }

    public object?[] Keys { get; set; } = [];
}

/// <summary>One parent's rows of a nested list, fetched for many parents in one statement.</summary>
internal sealed class NestedRows<TItem, TNode>
{
    public int ParentId { get; set; }

    public List<Row<TItem, TNode>> Rows { get; set; } = [];

    public int Total { get; set; }

    public bool HasOutside { get; set; }
}
