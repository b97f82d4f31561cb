using System.Collections.Concurrent;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Shaping;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Single-object entry points (a lookup by key, the ids a ranking or a path search computed) read through the
/// planner like root lists: each lookup is a plan whose root level is the rows with those keys, its nested lists
/// inside, and the lookups of one field share one statement.
/// </summary>
internal static class Lookups
{
    private static readonly ConcurrentDictionary<LambdaExpression, Func<object, int>> Ids = new();

    /// <summary>
    /// One lookup: the rows of <paramref name="Source"/> (a root list's connection) that <paramref name="Filter"/>
    /// keeps, at most <paramref name="Size"/>, read as <paramref name="Type"/> with what <paramref name="Sets"/> select.
    /// </summary>
    public sealed record Target(IListSource Source, IComplexGraphType Type, IReadOnlyList<GraphQLSelectionSet> Sets, LambdaExpression Filter, int Size);

    /// <summary>The rows of <paramref name="source"/> whose id is one of <paramref name="ids"/> (one JSON parameter, any count).</summary>
    public static Target ByIds(IResolveFieldContext context, IListSource source, IReadOnlyList<GraphQLSelectionSet> sets, IReadOnlyCollection<int> ids, int size) =>
        new(source, TypeOf(context, source), sets, IdIn(source, ids), size);

    /// <summary>
    /// The plan of a lookup whose rows are named by a query of its own (a ranking), correlated when compiled
    /// (<see cref="Sql.PlanCompiler.CompileRows"/>): no filter of its own.
    /// </summary>
    public static ListPlan Plan(IResolveFieldContext context, IListSource source, IReadOnlyList<GraphQLSelectionSet> sets, int size) =>
        Planner.Lookup(context, new ListField(source, null), TypeOf(context, source), sets, null, size, Options(context.Services()));

    /// <summary>The object graph type of a source's nodes, by its GraphQL name.</summary>
    public static IComplexGraphType TypeOf(IResolveFieldContext context, IListSource source) =>
        context.Schema.AllTypes[source.NodeModel.GraphName] as IComplexGraphType
        ?? throw new InvalidOperationException($"No object type {source.NodeModel.GraphName}.");

    /// <summary>The selection sets of the field being resolved.</summary>
    public static IReadOnlyList<GraphQLSelectionSet> Selection(IResolveFieldContext context) => [.. Planner.Sets([context.FieldAst])];

    /// <summary>
    /// Runs the targets as one statement on the request's read session and answers each target's nodes by id.
    /// <paramref name="cacheable"/>: the targets follow from the document and variables alone (keys given as
    /// arguments), so the compiled statement is kept like a root list's; not for ids computed from data.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<int, object>>> RunAsync(IResolveFieldContext context, IReadOnlyList<Target> targets, bool cacheable)
    {
        if (targets.Count == 0) return [];
        var services = context.Services();
        var cache = services.GetRequiredService<PlanCache>();
        var key = cacheable ? PlanCache.KeyOf(context) : default;
        if (cacheable && cache.TryGet(key, out var cached))
            return await RunAsync(services, [.. cached.Roots.Select(r => r.Plan)], cached, null, context.CancellationToken).ConfigureAwait(false);
        var options = Options(services);
        List<ListPlan> plans = [.. targets.Select(t => Planner.Lookup(context, new ListField(t.Source, null), t.Type, t.Sets, t.Filter, t.Size, options))];
        return await RunAsync(services, plans, null, cacheable ? statement => cache.Offer(key, statement) : null, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs lookup plans as one statement and answers each one's nodes by id.</summary>
    public static Task<IReadOnlyList<IReadOnlyDictionary<int, object>>> RunAsync(IServiceProvider services, IReadOnlyList<ListPlan> plans, CancellationToken cancellationToken) =>
        RunAsync(services, plans, null, null, cancellationToken);

    private static async Task<IReadOnlyList<IReadOnlyDictionary<int, object>>> RunAsync(
        IServiceProvider services, IReadOnlyList<ListPlan> plans, Sql.CompiledStatement? cached, Action<Sql.CompiledStatement>? compiled, CancellationToken cancellationToken)
    {
        Observe(services, plans);
        var prefetched = services.GetRequiredService<PrefetchedPages>();
        var pages = await services.GetRequiredService<ReadSession>().RunAsync(
            async (db, ct) =>
            {
                var statement = cached ?? PlannedRead.Compile(db, plans);
                if (cached is null) compiled?.Invoke(statement);
                return await PlannedRead.RunAllAsync(db, statement, prefetched, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);

        var result = new IReadOnlyDictionary<int, object>[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var idOf = Ids.GetOrAdd(plans[i].List.Source.NodeModel.Id, Compile);
            var nodes = new Dictionary<int, object>(pages[i].Edges.Count);
            foreach (var edge in pages[i].Edges) nodes[idOf(edge.Node)] = edge.Node;
            result[i] = nodes;
        }

        return result;
    }

    /// <summary>Tells the observers (the tests' SQL Server check) what a statement plans.</summary>
    public static void Observe(IServiceProvider services, IReadOnlyList<ListPlan> plans) =>
        Observe(services, plans, (model, dialect) => Sql.PlanCompiler.Compile(plans, model, dialect));

    /// <summary>The same for a statement written around its plans (<paramref name="compile"/>).</summary>
    public static void Observe(IServiceProvider services, IReadOnlyList<ListPlan> plans, Func<Microsoft.EntityFrameworkCore.Metadata.IModel, Sql.SqlDialect, Sql.CompiledStatement> compile)
    {
        // None registered outside the tests: the container hands back one cached empty array, so this costs a lookup.
        foreach (var observer in services.GetServices<IPlanObserver>()) observer.Planned(plans, compile);
    }

    private static PagingOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<PagingOptions>>().Value;

    private static LambdaExpression IdIn(IListSource source, IReadOnlyCollection<int> ids)
    {
        var id = source.NodeModel.Id;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(ids.ToList()), id.Body);
        return Expression.Lambda(contains, id.Parameters);
    }

    private static Func<object, int> Compile(LambdaExpression id)
    {
        var node = Expression.Parameter(typeof(object), "node");
        var body = ExpressionRebinder.Inline(id, Expression.Convert(node, id.Parameters[0].Type));
        return Expression.Lambda<Func<object, int>>(body, node).Compile();
    }
}
