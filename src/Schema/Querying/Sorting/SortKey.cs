using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying.Sorting;

/// <summary>One key of an order: the expression over the queried row, its direction, and the name it has in cursors.</summary>
internal sealed record SortKey(string Name, LambdaExpression Key, bool Descending)
{
    public bool IsNullable => !Key.ReturnType.IsValueType || Nullable.GetUnderlyingType(Key.ReturnType) is not null;
}
