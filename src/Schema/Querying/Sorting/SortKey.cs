using System.Linq.Expressions;
using System.Reflection;

namespace RlhfGraph.Schema.Querying.Sorting;

/// <summary>One key of an order: the expression over the queried row, its direction, and the name it has in cursors.</summary>
internal sealed record SortKey(string Name, LambdaExpression Key, bool Descending)
{
    /// <summary>Whether the key can be null: value types say so themselves; a text property by its nullable annotation.</summary>
    public bool IsNullable => Key.ReturnType.IsValueType
        ? Nullable.GetUnderlyingType(Key.ReturnType) is not null
        : Key.Body is not MemberExpression { Member: PropertyInfo property } || new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
}
