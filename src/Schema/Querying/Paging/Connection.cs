using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
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
    private static readonly MethodInfo EnumerableWhere = typeof(Enumerable).GetMethods().Single(m => m.Name == "Where" && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2);
    private static readonly MethodInfo EnumerableTake = typeof(Enumerable).GetMethods().Single(m => m.Name == "Take" && m.GetParameters()[1].ParameterType == typeof(int));
    private static readonly MethodInfo EnumerableSelect = typeof(Enumerable).GetMethods().Single(m => m.Name == "Select" && m.GetParameters()[1].ParameterType.GetGenericArguments().Length == 2);
    private static readonly MethodInfo EnumerableToList = typeof(Enumerable).GetMethod(nameof(Enumerable.ToList))!;
    private static readonly MethodInfo EnumerableCount = typeof(Enumerable).GetMethods().Single(m => m.Name == "Count" && m.GetParameters().Length == 1);
    private static readonly MethodInfo EnumerableContains = typeof(Enumerable).GetMethods().Single(m => m.Name == "Contains" && m.GetParameters().Length == 2);
    private static readonly MethodInfo EnumerableAny = typeof(Enumerable).GetMethods().Single(m => m.Name == "Any" && m.GetParameters().Length == 2);

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

    /// <summary>One page of a root list.</summary>
    public async Task<Page> PageAsync(IQueryable<TItem> source, object? where, object? order, PageRequest request, CancellationToken ct)
    {
        var plan = Plan(where, order, request);
        var filtered = plan.Filter is null ? source : source.Where((Expression<Func<TItem, bool>>)plan.Filter);
        var window = filtered;
        if (plan.After is not null) window = window.Where((Expression<Func<TItem, bool>>)plan.After);
        if (plan.Before is not null) window = window.Where((Expression<Func<TItem, bool>>)plan.Before);

        var rows = await plan.Order.Apply(window, request.Backward)
            .Select(plan.Projection)
            .Take(request.Size + 1)
            .ToListAsync(ct).ConfigureAwait(false);
        var total = request.WantsTotalCount ? await filtered.CountAsync(ct).ConfigureAwait(false) : (int?)null;
        var outside = plan.Outside is not null && (request.Backward ? request.WantsHasNext : request.WantsHasPrevious)
            && await filtered.AnyAsync((Expression<Func<TItem, bool>>)plan.Outside, ct).ConfigureAwait(false);
        return ToPage(plan, request, rows, total, outside);
    }

    /// <summary>
    /// One page per parent for many parents in a single statement (a windowed subquery per parent),
    /// so nested lists cost the same number of queries whatever the page or data size.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Page>> PagesAsync<TParent>(
        IQueryable<TParent> parents,
        IQueryable<TNode> nodes,
        Expression<Func<TParent, int>> parentId,
        IReadOnlyCollection<int> ids,
        Expression<Func<TParent, IEnumerable<TItem>>> navigation,
        object? where,
        object? order,
        PageRequest request,
        CancellationToken ct)
    {
        var plan = Plan(where, order, request);
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var idList = ids.ToList();
        var items = ExpressionRebinder.Inline(navigation, parent);
        items = OnlyRequestedParents(parents, navigation, items, idList) ?? items;
        var filtered = plan.Filter is null ? items : Expression.Call(EnumerableWhere.MakeGenericMethod(typeof(TItem)), items, plan.Filter);
        var window = filtered;
        if (plan.After is not null) window = Expression.Call(EnumerableWhere.MakeGenericMethod(typeof(TItem)), window, plan.After);
        if (plan.Before is not null) window = Expression.Call(EnumerableWhere.MakeGenericMethod(typeof(TItem)), window, plan.Before);
        var ordered = plan.Order.ApplyInline(window, typeof(TItem), request.Backward);
        var taken = Expression.Call(EnumerableTake.MakeGenericMethod(typeof(TItem)), ordered, Expression.Constant(request.Size + 1));
        var projected = Expression.Call(EnumerableSelect.MakeGenericMethod(typeof(TItem), typeof(Row<TItem, TNode>)), taken, plan.NestedProjection);
        var list = Expression.Call(EnumerableToList.MakeGenericMethod(typeof(Row<TItem, TNode>)), projected);

        var wantsOutside = plan.Outside is not null && (request.Backward ? request.WantsHasNext : request.WantsHasPrevious);
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(NestedRows<TItem, TNode>).GetProperty(nameof(NestedRows<TItem, TNode>.ParentId))!, ExpressionRebinder.Inline(parentId, parent)),
            Expression.Bind(typeof(NestedRows<TItem, TNode>).GetProperty(nameof(NestedRows<TItem, TNode>.Rows))!, list),
        };
        if (request.WantsTotalCount)
            bindings.Add(Expression.Bind(typeof(NestedRows<TItem, TNode>).GetProperty(nameof(NestedRows<TItem, TNode>.Total))!,
                Expression.Call(EnumerableCount.MakeGenericMethod(typeof(TItem)), filtered)));
        if (wantsOutside)
            bindings.Add(Expression.Bind(typeof(NestedRows<TItem, TNode>).GetProperty(nameof(NestedRows<TItem, TNode>.HasOutside))!,
                Expression.Call(EnumerableAny.MakeGenericMethod(typeof(TItem)), filtered, plan.Outside!)));
        var selector = Expression.Lambda<Func<TParent, NestedRows<TItem, TNode>>>(
            Expression.MemberInit(Expression.New(typeof(NestedRows<TItem, TNode>)), bindings), parent);

        var idParameter = Expression.Parameter(typeof(TParent), "p");
        var inIds = Expression.Lambda<Func<TParent, bool>>(
            Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == "Contains" && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int)),
                QueryParameter.Of(idList, typeof(List<int>)), ExpressionRebinder.Inline(parentId, idParameter)),
            idParameter);

        var results = await parents.Where(inIds).Select(selector).ToListAsync(ct).ConfigureAwait(false);
        await AttachNodesAsync(nodes, results.SelectMany(r => r.Rows).ToList(), ct).ConfigureAwait(false);
        return results.ToDictionary(
            r => r.ParentId,
            r => ToPage(plan, request, r.Rows, request.WantsTotalCount ? r.Total : null, r.HasOutside));
    }

    /// <summary>
    /// The link rows of the requested parents only, filtered by their foreign key. Without this, a per-parent page on
    /// SQLite (no APPLY) becomes ROW_NUMBER() over a derived table of every link row, joined to the parents afterwards,
    /// so its cost grows with the whole table; with it the window runs over the parents' own rows. Null when the
    /// navigation is not a plain one-to-many with a single int foreign key (then the correlation alone filters).
    /// </summary>
    private static MethodCallExpression? OnlyRequestedParents<TParent>(IQueryable<TParent> parents, LambdaExpression navigation, Expression items, List<int> ids)
    {
        var body = navigation.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : navigation.Body;
        if (parents is not Microsoft.EntityFrameworkCore.Infrastructure.IInfrastructure<IServiceProvider> infrastructure || body is not MemberExpression { Member.Name: var name }) return null;
        var entityType = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Metadata.IModel>(infrastructure).FindEntityType(typeof(TParent));
        var foreignKey = entityType?.FindNavigation(name)?.ForeignKey;
        if (foreignKey is not { Properties: [{ PropertyInfo: { } key }] } || foreignKey.DeclaringEntityType.ClrType != typeof(TItem) || key.PropertyType != typeof(int))
            return null;
        var link = Expression.Parameter(typeof(TItem), "link");
        var contains = Expression.Call(EnumerableContains.MakeGenericMethod(typeof(int)), QueryParameter.Of(ids, typeof(List<int>)), Expression.Property(link, key));
        return Expression.Call(EnumerableWhere.MakeGenericMethod(typeof(TItem)), items, Expression.Lambda(contains, link));
    }

    /// <summary>
    /// Nested pages carry node ids, not nodes: on SQLite, EF Core cannot join a reference after a
    /// per-parent LIMIT (it would need APPLY), so the level's nodes come in one more statement.
    /// </summary>
    private async Task AttachNodesAsync(IQueryable<TNode> nodes, List<Row<TItem, TNode>> rows, CancellationToken ct)
    {
        if (typeof(TItem) == typeof(TNode))
        {
            foreach (var row in rows) row.Node = (TNode)(object)row.Item!;
            return;
        }

        // Queried even when empty, so a request's statement count depends on its shape alone.
        var ids = rows.Select(r => r.NodeId).Distinct().ToList();
        var modelId = (Expression<Func<TNode, int>>)nodeModel.Id;
        var contains = Expression.Lambda<Func<TNode, bool>>(
            Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == "Contains" && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int)),
                QueryParameter.Of(ids, typeof(List<int>)), modelId.Body),
            modelId.Parameters);
        var idOf = _compiledId.Value;
        var byId = (await nodes.Where(contains).ToListAsync(ct).ConfigureAwait(false)).ToDictionary(idOf);
        foreach (var row in rows) row.Node = byId[row.NodeId];
    }

    private readonly Lazy<Func<TNode, int>> _compiledId = new(() => ((Expression<Func<TNode, int>>)nodeModel.Id).Compile());

    private QueryPlan Plan(object? where, object? order, PageRequest request)
    {
        var (sort, signature, filter, after, before, outside) = Query(where, order, request);
        var row = Expression.Parameter(typeof(TItem), "row");
        var projection = Expression.Lambda<Func<TItem, Row<TItem, TNode>>>(
            Expression.MemberInit(
                Expression.New(typeof(Row<TItem, TNode>)),
                Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.Item))!, row),
                Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.Node))!, ExpressionRebinder.Inline(node, row)),
                Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.Keys))!,
                    Expression.NewArrayInit(typeof(object), sort.Keys.Select(k => Expression.Convert(ExpressionRebinder.Inline(k.Key, row), typeof(object)))))),
            row);
        var keys = Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.Keys))!,
            Expression.NewArrayInit(typeof(object), sort.Keys.Select(k => Expression.Convert(ExpressionRebinder.Inline(k.Key, row), typeof(object)))));
        var nested = Expression.Lambda<Func<TItem, Row<TItem, TNode>>>(
            Expression.MemberInit(
                Expression.New(typeof(Row<TItem, TNode>)),
                Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.Item))!, row),
                Expression.Bind(typeof(Row<TItem, TNode>).GetProperty(nameof(Row<TItem, TNode>.NodeId))!, ExpressionRebinder.Inline(id, row)),
                keys),
            row);
        return new QueryPlan(sort, signature, filter, after, before, outside, projection, nested);
    }

    private static LambdaExpression Not(LambdaExpression predicate) =>
        Expression.Lambda(Expression.Not(predicate.Body), predicate.Parameters);

    private static Page ToPage(QueryPlan plan, PageRequest request, List<Row<TItem, TNode>> rows, int? total, bool outside) =>
        PageShape.Of(request, rows.ConvertAll(r => new Edge(Cursor.Encode(plan.Signature, r.Keys), r.Node!, r.Item!)), total, outside);

    private sealed record QueryPlan(
        SortOrder Order,
        string Signature,
        LambdaExpression? Filter,
        LambdaExpression? After,
        LambdaExpression? Before,
        LambdaExpression? Outside,
        Expression<Func<TItem, Row<TItem, TNode>>> Projection,
        Expression<Func<TItem, Row<TItem, TNode>>> NestedProjection);
}
