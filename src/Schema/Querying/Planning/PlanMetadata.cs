using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>What a field declares about itself for the planner (in its metadata), so fields stay one line each.</summary>
internal static class PlanMetadata
{
    /// <summary>A list field read by the planner: a <see cref="ListField"/>.</summary>
    public const string ListKey = "rlhfgraph.plan.list";

    /// <summary>A scalar read from one column: its <see cref="ScalarMember"/>.</summary>
    public const string ColumnKey = "rlhfgraph.plan.column";

    /// <summary>A field that needs nothing of its parent but the id (the global id, batched lists keyed by id).</summary>
    public const string IdOnlyKey = "rlhfgraph.plan.idOnly";
}

/// <summary>
/// A connection field: its rows, and (for nested lists) the parent's navigation to the item rows (p => p.Authors).
/// </summary>
internal sealed record ListField(IListSource Source, LambdaExpression? Navigation);
