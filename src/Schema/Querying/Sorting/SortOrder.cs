using System.Collections;
using System.Linq.Expressions;

namespace RlhfGraph.Schema.Querying.Sorting;

/// <summary>
/// A complete order over the rows of one connection: the client's keys, then the row's default
/// keys (e.g. byline position), then the id, so no two rows ever tie and keyset paging is exact.
/// </summary>
internal sealed class SortOrder
{
    private SortOrder(IReadOnlyList<SortKey> keys) => Keys = keys;

    public IReadOnlyList<SortKey> Keys { get; }

    /// <summary>Names the order, so a cursor issued under another order is recognised and refused.</summary>
    public string Signature => string.Join(",", Keys.Select(k => k.Descending ? k.Name + ":desc" : k.Name));

    /// <summary>
    /// Builds the order for rows of type TItem whose node is reached by <paramref name="node"/>
    /// (identity for root lists; l => l.Author for byline links).
    /// </summary>
    public static SortOrder Create(IEntityModel model, object? order, LambdaExpression node, IReadOnlyList<SortKey> defaults, LambdaExpression id)
    {
        var keys = new List<SortKey>();
        if (order is not null)
        {
            if (order is not IEnumerable items)
                throw new QueryError(QueryError.InvalidOrder, "order expects a list of sort inputs.");
            foreach (var item in items)
            {
                if (item is not IDictionary<string, object?> fields)
                    throw new QueryError(QueryError.InvalidOrder, "Each element of order must be an object.");
                foreach (var (name, direction) in fields)
                {
                    if (direction is null) continue;
                    if (keys.Any(k => k.Name == name))
                        throw new QueryError(QueryError.InvalidOrder, $"order names '{name}' twice.");
                    if (name == "id" && model.IsNode)
                    {
                        keys.Add(new SortKey("id", id, direction is true));
                        continue;
                    }

                    var member = model.Scalars.FirstOrDefault(s => s.Name == name && s.Capabilities.HasFlag(Capabilities.Sort))
                        ?? throw new QueryError(QueryError.InvalidOrder, $"{model.GraphName} cannot be sorted by '{name}'.");
                    var parameter = Expression.Parameter(node.Parameters[0].Type, "r");
                    var body = ExpressionRebinder.Inline(member.Expression, ExpressionRebinder.Inline(node, parameter));
                    keys.Add(new SortKey(name, Expression.Lambda(body, parameter), direction is true));
                }
            }
        }

        // Keys after the id can never decide anything; the id, always last otherwise, makes the order total.
        if (keys.All(k => k.Name != "id"))
        {
            keys.AddRange(defaults.Where(d => keys.All(k => k.Name != d.Name)));
            keys.Add(new SortKey("id", id, false));
        }
        return new SortOrder(keys);
    }
}
