using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying.Batching;
using RlhfGraph.Schema.Querying.Filtering;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Shaping;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Schema.Querying;

/// <summary>
/// One call per list field: the HotChocolate-shaped arguments (first/after/last/before/where/order)
/// and a resolver that reads through the planner: root lists plan all under them, nested lists answer from that plan.
/// </summary>
internal static class ConnectionFieldExtensions
{
    private static readonly ConcurrentDictionary<LambdaExpression, Delegate> Compiled = new();

    /// <summary>Adds a connection field over TNodeGraphType with the standard paging, filter and order arguments.</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeGraphType, TEdgeType>(this ObjectGraphType<TSource> type, string name, string description)
        where TNodeGraphType : IGraphType, IEntityGraphType
        where TEdgeType : EdgeType<TNodeGraphType>, new()
    {
        var entity = TNodeGraphType.Model.GraphName;
        var paging = new PagingOptions();
        // Nullable, as HotChocolate's connections: a bad page size nulls this field alone, not its parent or siblings.
        var field = type.Field<ConnectionType<TNodeGraphType, TEdgeType>>(name);
        Limits.CostDefaults.Connection(field.FieldType, paging.MaxPageSize, paging.DefaultPageSize, "first", "last");
        return field
            .Description(description)
            .Argument<IntGraphType>("first", "Returns the first n items after `after` (0 to the maximum page size, 100 by default; 0 for just totalCount).")
            .Argument<StringGraphType>("after", "Start after this cursor (an endCursor or edge cursor from the same field and order).")
            .Argument<IntGraphType>("last", "Returns the last n items before `before` (0 to the maximum page size); with `first`, the last n of those first items.")
            .Argument<StringGraphType>("before", "End before this cursor (a startCursor or edge cursor from the same field and order).")
            .Argument<FilterInputType<TNodeGraphType>>("where", $"Only {entity} items matching this filter; text comparisons are case-insensitive.")
            .Argument<ListGraphType<NonNullGraphType<SortInputType<TNodeGraphType>>>>("order", "Sort keys, applied in list order and, within one object, in written order; the id breaks remaining ties.");
    }

    /// <summary>Adds a connection field whose edges are plain (cursor and node).</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeGraphType>(this ObjectGraphType<TSource> type, string name, string description)
        where TNodeGraphType : IGraphType, IEntityGraphType =>
        type.ConnectionField<TSource, TNodeGraphType, EdgeType<TNodeGraphType>>(name, description);

    /// <summary>Resolves a root list: the field and everything selected under it is one plan and one statement.</summary>
    public static FieldBuilder<TSource, object> ResolvePage<TSource, TItem, TNode>(this FieldBuilder<TSource, object> field, Connection<TItem, TNode> connection)
        where TItem : class
        where TNode : class
    {
        var list = new ListField(connection, null);
        return field.WithMetadata(PlanMetadata.ListKey, list).ResolveAsync(async context => await RootAsync(context, list, () =>
        {
            var request = PageRequest.From(context, Options(context));
            return (request, connection.Query(ArgumentValues.Raw(context, "where"), ArgumentValues.Ordered(context, "order"), request));
        }).ConfigureAwait(false));
    }

    /// <summary>Resolves a root plain list (the lists themselves): every row, in the source's default order, one statement.</summary>
    public static FieldBuilder<TSource, object> ResolveRootList<TSource, TItem, TNode>(this FieldBuilder<TSource, object> field, Connection<TItem, TNode> connection)
        where TItem : class
        where TNode : class
    {
        var list = new ListField(connection, null) { Whole = true };
        return field.WithMetadata(PlanMetadata.ListKey, list).ResolveAsync(async context => (await RootAsync(context, list, () =>
        {
            var request = PageRequest.All($"{context.ParentType.Name}.{context.FieldDefinition.Name}");
            return (request, connection.Query(null, null, request));
        }).ConfigureAwait(false)).Nodes);
    }

    /// <summary>A root field's page: its compiled statement from the plan cache, else planned (from <paramref name="query"/>) and compiled.</summary>
    private static async Task<Page> RootAsync(IResolveFieldContext context, ListField list, Func<(PageRequest Request, LevelQuery Query)> query)
    {
        var prefetched = context.Services().GetRequiredService<PrefetchedPages>();
        var cache = context.Services().GetRequiredService<PlanCache>();
        var key = PlanCache.KeyOf(context);
        if (cache.TryGet(key, out var cached))
        {
            Lookups.Observe(context.Services(), [cached.Root.Plan]);
            return await Session(context).RunAsync((db, ct) => PlannedRead.RunAsync(db, cached, prefetched, ct), context.CancellationToken).ConfigureAwait(false);
        }

        var options = Options(context);
        var (request, levelQuery) = query();
        var plan = Planner.Plan(context, list, request, levelQuery, options);
        Lookups.Observe(context.Services(), [plan]);
        return await Session(context).RunAsync(
            async (db, ct) =>
            {
                var statement = PlannedRead.Compile(db, [plan]);
                cache.Offer(key, statement);
                return await PlannedRead.RunAsync(db, statement, prefetched, ct).ConfigureAwait(false);
            },
            context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves a nested list: from the page its parent's statement already read. A list left out of that plan (written
    /// twice with other arguments, or under a parent no plan read) is planned here for the whole level of parents;
    /// one the planner refused (arguments a client got wrong) fails here, at its own path, with the planner's error.
    /// </summary>
    public static FieldBuilder<TParent, object> ResolvePages<TParent, TItem, TNode>(
        this FieldBuilder<TParent, object> field,
        Connection<TItem, TNode> connection,
        Expression<Func<TParent, int>> parentId,
        Expression<Func<TParent, IEnumerable<TItem>>> navigation)
        where TParent : class
        where TItem : class
        where TNode : class =>
        field.WithMetadata(PlanMetadata.ListKey, new ListField(connection, navigation)).Resolve(context =>
        {
            if (context.Services().GetRequiredService<PrefetchedPages>().TryGet(context.Source!, context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue, out var prefetched))
                return prefetched;
            var request = PageRequest.From(context, Options(context));
            var where = ArgumentValues.Raw(context, "where");
            var order = ArgumentValues.Ordered(context, "order");
            // The planner's own validation, so a client's mistake fails this field alone, with the error it always gives.
            var query = connection.Query(where, order, request);
            var batchKey = $"{context.ParentType.Name}.{context.FieldDefinition.Name}|{request}|{ArgumentValues.Describe(context)}";

            // Parents share a batch only at the same place in the response, where their selections are the same.
            // The plan is made once per batch, by the first parent's resolver.
            var loader = Batches(context).Loader<int, Page>(
                $"{batchKey}|{string.Join('.', context.ResponsePath.Where(p => p is string))}",
                () => PlannedBatch<TParent>(context, new ListField(connection, navigation), request, query));
            return new EmptyWhenMissing(loader.Load(Compile(parentId)(context.Source)));
        });

    /// <summary>
    /// Resolves a plain list of scalars (keywords, aliases): every row of <paramref name="connection"/> under the parent,
    /// in its default order, each read as its node's <paramref name="value"/> column; planned like a nested list.
    /// </summary>
    public static FieldBuilder<TParent, object> ResolveValues<TParent, TItem, TNode>(
        this FieldBuilder<TParent, object> field,
        Connection<TItem, TNode> connection,
        Expression<Func<TParent, IEnumerable<TItem>>> navigation,
        ScalarMember value,
        Func<TParent, int> parentId)
        where TParent : class
        where TItem : class
        where TNode : class
    {
        var read = (Func<TNode, object?>)Expression.Lambda(Expression.Convert(value.Expression.Body, typeof(object)), value.Expression.Parameters).Compile();
        return field.ResolveWhole(new ListField(connection, navigation) { Whole = true, Value = value }, parentId, page => page.Nodes.Select(n => read((TNode)n)).ToList());
    }

    /// <summary>
    /// Resolves a plain list of objects (mentions; the lists mentioning a paper): every row of
    /// <paramref name="list"/>'s source under the parent, in its default order, planned like a nested list.
    /// </summary>
    public static FieldBuilder<TParent, object> ResolveAll<TParent>(this FieldBuilder<TParent, object> field, ListField list, Func<TParent, int> parentId)
        where TParent : class =>
        field.ResolveWhole(list with { Whole = true }, parentId, page => page.Nodes);

    /// <summary>
    /// Resolves a reference (a mention's list) as a one-row plain list of the parent's own row
    /// (<paramref name="connection"/>'s items are the parent's type, its node the reference's target).
    /// </summary>
    public static FieldBuilder<TParent, object> ResolveReference<TParent, TNode>(
        this FieldBuilder<TParent, object> field,
        Connection<TParent, TNode> connection,
        Expression<Func<TParent, TNode?>> reference,
        Func<TParent, int> id)
        where TParent : class
        where TNode : class =>
        field.ResolveWhole(new ListField(connection, reference) { Whole = true }, id, page => page.Nodes.Count > 0 ? page.Nodes[0] : null);

    /// <summary>
    /// A plain list answered from the page its parent's statement read. A parent no statement read with it (none
    /// today: every entry point is planned) is read here, planned for the whole level of parents, one statement.
    /// </summary>
    private static FieldBuilder<TParent, object> ResolveWhole<TParent>(this FieldBuilder<TParent, object> field, ListField list, Func<TParent, int> parentId, Func<Page, object?> answer)
        where TParent : class =>
        field.WithMetadata(PlanMetadata.ListKey, list).Resolve(context =>
        {
            if (context.Services().GetRequiredService<PrefetchedPages>().TryGet(context.Source!, context.FieldAst.Alias?.Name.StringValue ?? context.FieldAst.Name.StringValue, out var prefetched))
                return answer(prefetched);
            var request = PageRequest.All($"{context.ParentType.Name}.{context.FieldDefinition.Name}");
            var loader = Batches(context).Loader<int, Page>(
                $"{request.Field}|all|{string.Join('.', context.ResponsePath.Where(p => p is string))}",
                () => PlannedBatch<TParent>(context, list, request, list.Source.Query(null, null, request)));
            return new Answered(new EmptyWhenMissing(loader.Load(parentId(context.Source))), answer);
        }).WithMetadata(Limits.CostDefaults.ResolverCostKey, true);

    /// <summary>A nested list's fetch for a batch of parents: the list planned once, each batch one statement.</summary>
    private static Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, Page>>> PlannedBatch<TParent>(
        IResolveFieldContext context, ListField list, PageRequest request, LevelQuery query)
        where TParent : class
    {
        var plan = Planner.Plan(context, list, request, query, Options(context));
        var pages = context.Services().GetRequiredService<PrefetchedPages>();
        var session = Session(context);
        return (ids, ct) => session.RunAsync((db, ct) => PlannedRead.RunBatchAsync(db, plan, typeof(TParent), ids, pages, ct), ct);
    }

    private static Func<TParent, int> Compile<TParent>(Expression<Func<TParent, int>> expression) =>
        (Func<TParent, int>)Compiled.GetOrAdd(expression, e => ((Expression<Func<TParent, int>>)e).Compile());

    private static PagingOptions Options(IResolveFieldContext context) =>
        context.Services().GetRequiredService<IOptions<PagingOptions>>().Value;

    private static ReadSession Session(IResolveFieldContext context) =>
        context.Services().GetRequiredService<ReadSession>();

    private static BatchScope Batches(IResolveFieldContext context) =>
        context.Services().GetRequiredService<BatchScope>();

    private sealed class EmptyWhenMissing(IDataLoaderResult<Page> inner) : IDataLoaderResult<Page>
    {
        private static readonly Page Empty = new([], new PageInfo(false, false, null, null), 0);

        public async Task<Page> GetResultAsync(CancellationToken cancellationToken = default) =>
            await inner.GetResultAsync(cancellationToken).ConfigureAwait(false) ?? Empty;

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Answered(IDataLoaderResult<Page> inner, Func<Page, object?> answer) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            answer(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));
    }
}
