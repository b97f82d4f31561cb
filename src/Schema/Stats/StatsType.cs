using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;

namespace RlhfGraph.Schema.Stats;

/// <summary>
/// Aggregations for dashboards, each one GROUP BY statement over the papers the `stats` filter selects, computed once
/// per import and filter (<see cref="StatsCache"/>): not a per-parent read, but work that grows with the corpus.
/// </summary>
internal sealed class StatsType : ObjectGraphType<StatsScope>
{
    public const int MaxBuckets = 200;

    public StatsType()
    {
        Name = "Stats";
        Description = "Counts for dashboards over the papers matching `stats(where:)` (all papers without it). Each list is computed in the database with GROUP BY; `first` keeps the top N after sorting.";

        Field<NonNullGraphType<IntGraphType>>("paperCount")
            .Description("How many papers match the filter.")
            .ResolveAsync(async context => await CachedAsync(context, $"paperCount|{context.Source.Key}", () => context.QueryAsync<object>(async (db, ct) => await context.Source.Papers(db.Papers).CountAsync(ct).ConfigureAwait(false))).ConfigureAwait(false))
            .WithMetadata(Limits.CostDefaults.ResolverCostKey, true);

        Buckets("papersPerYear", "Papers per publication year; key is the year, null when unknown.", BucketOrder.KeyAsc, 100,
            (db, scope, order, first, ct) => Count(scope.Papers(db.Papers).Select(p => new Grouping<int?> { Key = p.Year, EntityId = 0 }), order, first, ct));

        Buckets("papersPerVenue", "Papers per venue (\"NeurIPS\", \"arXiv\", a blog's publisher); null when unknown.", BucketOrder.CountDesc, 20,
            (db, scope, order, first, ct) => Count(scope.Papers(db.Papers).Select(p => new Grouping<string?> { Key = p.Venue, EntityId = 0 }), order, first, ct));

        Buckets("papersPerKind", "Papers per kind; key is the PaperKind value (PAPER, SURVEY, …); by key means by that name.", BucketOrder.CountDesc, 20,
            async (db, scope, order, first, ct) => (await Stats.Buckets.CountAsync(scope.Papers(db.Papers).Select(p => new Grouping<PaperKind> { Key = p.Kind, EntityId = 0 }), order, first, ct).ConfigureAwait(false))
                .Select(g => new Bucket(g.Key.ToString().ToConstantCase(), g.Count)).ToList());

        Buckets("papersPerKeyword", "The most used keywords among the papers; id is the keyword's.", BucketOrder.CountDesc, 20,
            (db, scope, order, first, ct) => Count(scope.Papers(db.Papers).SelectMany(p => p.Keywords)
                .Select(k => new Grouping<string> { Key = k.Keyword!.Name, EntityId = k.KeywordId }), order, first, ct, "Keyword"));

        Buckets("papersPerSource", "Papers per list that mentions them (a paper counts once per list); id is the list's.", BucketOrder.CountDesc, 20,
            (db, scope, order, first, ct) => Count(scope.Papers(db.Papers).SelectMany(p => p.Mentions)
                .Select(m => new Grouping<string> { Key = m.Source!.Name, EntityId = m.SourceId, Member = m.PaperId ?? 0 }), order, first, ct, "Source", distinct: true));

        Buckets("topAuthors", "Authors by number of the papers they are credited on; id is the author's.", BucketOrder.CountDesc, 10,
            (db, scope, order, first, ct) => Count(scope.Papers(db.Papers).SelectMany(p => p.Authors)
                .Select(a => new Grouping<string> { Key = a.Author!.Name, EntityId = a.AuthorId }), order, first, ct, "Author"));

        Buckets("codebasesPerHost", "Codebases per host (\"github.com\"): all codebases without a filter, else those linked to the matching papers (each once).", BucketOrder.CountDesc, 20,
            (db, scope, order, first, ct) => Count(scope.Filter is null
                ? db.Codebases.Select(c => new Grouping<string?> { Key = c.Host, EntityId = 0, Member = c.Id })
                : scope.Papers(db.Papers).SelectMany(p => p.Codebases).Select(c => new Grouping<string?> { Key = c.Codebase!.Host, EntityId = 0, Member = c.CodebaseId }),
                order, first, ct, distinct: true));

        Buckets("papersByOfficialCode", "Papers with official code (key \"true\") and without (\"false\").", BucketOrder.KeyDesc, 2,
            async (db, scope, order, first, ct) => (await Stats.Buckets.CountAsync(scope.Papers(db.Papers).Select(p => new Grouping<bool> { Key = p.HasOfficialCode, EntityId = 0 }), order, first, ct).ConfigureAwait(false))
                .Select(g => new Bucket(g.Key ? "true" : "false", g.Count)).ToList());
    }

    /// <summary>An aggregation's answer from <see cref="StatsCache"/>, else computed (and offered to it).</summary>
    private static async Task<object> CachedAsync(IResolveFieldContext context, string key, Func<Task<object>> compute)
    {
        var cache = context.Services().GetRequiredService<StatsCache>();
        if (cache.TryGet(key, out var known)) return known;
        var answer = await compute().ConfigureAwait(false);
        cache.Offer(key, answer);
        return answer;
    }

    private static async Task<List<Bucket>> Count<TKey>(IQueryable<Grouping<TKey>> rows, BucketOrder order, int first, CancellationToken ct, string? entity = null, bool distinct = false)
    {
        var groups = await Stats.Buckets.CountAsync(rows, order, first, ct, distinct).ConfigureAwait(false);
        return groups.Select(g => new Bucket(g.Key?.ToString(), g.Count, entity is null ? null : NodeId.Encode(entity, g.EntityId))).ToList();
    }

    private FieldBuilder<StatsScope, object> Buckets(string name, string description, BucketOrder defaultOrder, int defaultFirst,
        Func<RlhfGraphDbContext, StatsScope, BucketOrder, int, CancellationToken, Task<List<Bucket>>> count) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BucketType>>>>(name)
            .Description(description)
            .Argument<BucketOrderType>("order", "How to sort the buckets.", a => a.DefaultValue = defaultOrder)
            .Argument<IntGraphType>("first", $"Keep this many buckets after sorting (1 to {MaxBuckets}).", a => a.DefaultValue = defaultFirst)
            .ResolveAsync(async context =>
            {
                var first = context.GetArgument<int>("first");
                if (first is < 1 or > MaxBuckets)
                    throw new QueryError(QueryError.InvalidArgument, $"first must be between 1 and {MaxBuckets}; got {first}.");
                var order = context.GetArgument<BucketOrder>("order");
                return await CachedAsync(context, $"{name}|{order}|{first}|{context.Source.Key}",
                    () => context.QueryAsync<object>(async (db, ct) => await count(db, context.Source, order, first, ct).ConfigureAwait(false))).ConfigureAwait(false);
            }).WithMetadata(Limits.CostDefaults.ResolverCostKey, true);
}
