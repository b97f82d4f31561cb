using System.Linq.Expressions;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// The HotChocolate semantics of one list level, decided once: the filter, the rows beyond the cursors, the rows
/// "outside" the window (for hasPreviousPage/hasNextPage) and the total order; every lambda is over the item type.
/// </summary>
internal sealed record LevelQuery(
    SortOrder Order,
    string Signature,
    LambdaExpression? Filter,
    LambdaExpression? After,
    LambdaExpression? Before,
    LambdaExpression? Outside);
