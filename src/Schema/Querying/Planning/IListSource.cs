using System.Linq.Expressions;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// The untyped face of a <see cref="Connection{TItem, TNode}"/>: what the planner needs to read one list level in SQL.
/// </summary>
internal interface IListSource
{
    IEntityModel NodeModel { get; }

    /// <summary>The queried row: the node itself for root lists, the link row (a byline entry) for nested ones.</summary>
    Type ItemType { get; }

    /// <summary>Item → node (identity for root lists).</summary>
    LambdaExpression Node { get; }

    /// <summary>Filter, keyset bounds and order of one level, with every client mistake raised as a <see cref="QueryError"/>.</summary>
    LevelQuery Query(object? where, object? order, PageRequest request);
}
