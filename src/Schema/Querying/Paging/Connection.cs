using System.Linq.Expressions;
using RlhfGraph.Schema.Querying.Filtering;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// How one list field reads its rows: the queried item type (the node itself, or a link row such
/// as a byline entry), how to reach the node, the node's model for filtering and sorting, the
/// default order (e.g. byline position) and the unique id that breaks ties.
/// </summary>
internal sealed class Connection<TItem, TNode>(
    IEntityModel nodeModel,
    Expression<Func<TItem, TNode>> node,
    Expression<Func<TItem, int>> id,
    params SortKey[] defaultOrder) : Planning.IListSource
    where TItem : class
    where TNode : class
{
    public IEntityModel NodeModel => nodeModel;

    public Type ItemType => typeof(TItem);

    public LambdaExpression Node => node;

    /// <inheritdoc/>
    public Planning.LevelQuery Query(object? where, object? order, PageRequest request)
    {
        var sort = SortOrder.Create(nodeModel, order, node, defaultOrder, id);
        var types = sort.Keys.Select(k => k.Key.ReturnType).ToList();
        var nullable = sort.Keys.Select(k => k.IsNullable).ToList();
        var signature = $"{request.Field} by {sort.Signature}";
        var item = Expression.Parameter(typeof(TItem), "i");

        LambdaExpression? filter = null;
        if (FilterExpressionBuilder.BuildLambda(nodeModel, where) is { } onNode)
            filter = Expression.Lambda(ExpressionRebinder.Inline(onNode, ExpressionRebinder.Inline(node, item)), item);

        LambdaExpression? after = null, before = null, outside = null;
        if (request.After is { } a)
        {
            after = Keyset.Beyond(sort, Cursor.Decode(a, "after", signature, types, nullable), forward: true);
            outside = Not(after);
        }

        if (request.Before is { } b)
        {
            before = Keyset.Beyond(sort, Cursor.Decode(b, "before", signature, types, nullable), forward: false);
            if (request.Backward) outside = Not(before);
        }

        return new Planning.LevelQuery(sort, signature, filter, after, before, outside);
    }

    private static LambdaExpression Not(LambdaExpression predicate) =>
        Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters);
}
