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
/// A list field read by the planner: its rows, and (for nested lists) how they hang off the parent: the parent's
/// navigation to the item rows (p => p.Authors; a reference, m => m.Source, reads the parent's own row and its target),
/// or <see cref="Correlation"/>, a condition over an item and the parent's id (the lists that mention a paper).
/// A connection is paged; a <see cref="Whole"/> list (keywords, aliases, mentions) is a plain GraphQL list of every
/// row, no arguments, read as nodes, or as one column of them (<see cref="Value"/>) when the list is of scalars.
/// </summary>
internal sealed record ListField(IListSource Source, LambdaExpression? Navigation)
{
    /// <summary>(item, parent id) => bool: the rows that belong to a parent, where no navigation leads to them.</summary>
    public LambdaExpression? Correlation { get; init; }

    /// <summary>A plain list: every row, in the source's default order, no paging.</summary>
    public bool Whole { get; init; }

    /// <summary>The one column a list of scalars reads of each node (a keyword's name).</summary>
    public ScalarMember? Value { get; init; }

    /// <summary>Whether the rows hang off a parent (a nested list) rather than being a root's.</summary>
    public bool Nested => Navigation is not null || Correlation is not null;
}
