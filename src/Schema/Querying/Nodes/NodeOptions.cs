namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>Limits of node/nodes.</summary>
public sealed class NodeOptions
{
    /// <summary>Most ids one nodes(ids:) call may ask for (HotChocolate's default batch is 10; dashboards need more).</summary>
    public int MaxNodes { get; set; } = 50;
}
