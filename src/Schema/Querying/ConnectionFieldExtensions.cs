using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence;
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
        where TNode : class =>
        field.WithMetadata(PlanMetadata.ListKey, new ListField(connection, null)).ResolveAsync(async context =>
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
            var request = PageRequest.From(context, options);
            var (where, order) = (ArgumentValues.Raw(context, "where"), ArgumentValues.Ordered(context, "order"));
            var plan = Planner.Plan(context, new ListField(connection, null), request, connection.Query(where, order, request), options);
            Lookups.Observe(context.Services(), [plan]);
            return await Session(context).RunAsync(
                async (db, ct) =>
                {
                    var statement = PlannedRead.Compile(db, [plan]);
                    cache.Offer(key, statement);
                    return await PlannedRead.RunAsync(db, statement, prefetched, ct).ConfigureAwait(false);
                },
                context.CancellationToken).ConfigureAwait(false);
        });

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

    /// <summary>A batched list of plain values per parent (keywords, aliases, mentions).</summary>
    public static FieldBuilder<TParent, object> ResolveBatched<TParent, TValue>(
        this FieldBuilder<TParent, object> field,
        Func<TParent, int> parentId,
        Func<RlhfGraphDbContext, List<int>, IQueryable<Keyed<TValue>>> query)
        where TParent : class =>
        field.Resolve(context =>
        {
            var session = Session(context);
            var loader = Batches(context).Loader<int, IReadOnlyList<TValue>>(
                $"{context.ParentType.Name}.{context.FieldDefinition.Name}",
                (ids, ct) => session.RunAsync<IReadOnlyDictionary<int, IReadOnlyList<TValue>>>(async (db, ct) =>
                {
                    var rows = await query(db, [.. ids]).ToListAsync(ct).ConfigureAwait(false);
                    return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<TValue>)g.Select(r => r.Value).ToList());
                }, ct));
            return new ListWhenMissing<TValue>(loader.Load(parentId(context.Source)));
        }).WithMetadata(Limits.CostDefaults.ResolverCostKey, true);

    /// <summary>A batched single related entity per key (a mention's source).</summary>
    public static FieldBuilder<TParent, object> ResolveReference<TParent, TValue>(
        this FieldBuilder<TParent, object> field,
        Func<TParent, int> key,
        Func<RlhfGraphDbContext, List<int>, IQueryable<Keyed<TValue>>> query)
        where TParent : class =>
        field.Resolve(context =>
        {
            var session = Session(context);
            var loader = Batches(context).Loader<int, TValue>(
                $"{context.ParentType.Name}.{context.FieldDefinition.Name}",
                (ids, ct) => session.RunAsync<IReadOnlyDictionary<int, TValue>>(async (db, ct) =>
                {
                    var rows = await query(db, [.. ids]).ToListAsync(ct).ConfigureAwait(false);
                    return rows.ToDictionary(r => r.Key, r => r.Value);
                }, ct));
            return loader.Load(key(context.Source));
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

    private sealed class ListWhenMissing<TValue>(IDataLoaderResult<IReadOnlyList<TValue>> inner) : IDataLoaderResult<IReadOnlyList<TValue>>
    {
        public async Task<IReadOnlyList<TValue>> GetResultAsync(CancellationToken cancellationToken = default) =>
            await inner.GetResultAsync(cancellationToken).ConfigureAwait(false) ?? [];

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
