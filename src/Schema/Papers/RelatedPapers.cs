using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Batching;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Papers;

/// <summary>A paper related to another, with what they share.</summary>
internal sealed record RelatedPaper(Paper Paper, int Score, int SharedAuthors, int SharedKeywords, int SharedDatasets, int SharedCodebases);

/// <summary>
/// Related papers for a whole level of papers: one statement ranks every candidate of every parent (shared links
/// counted per kind, ROW_NUMBER keeps each parent's top N), and the ranked ids feed one planned statement that reads
/// the related papers with everything selected under them.
/// Score = 3 × shared authors + 2 × shared datasets + 2 × shared codebases + 1 × shared keywords.
/// </summary>
internal static class RelatedPapers
{
    public const int MaxFirst = 20;

    /// <summary>Resolves `related(first:)` through one batch per level, place in the response and `first`.</summary>
    public static FieldBuilder<Paper, object> ResolveRelated(this FieldBuilder<Paper, object> field) =>
        field.Resolve(context =>
        {
            var first = context.GetArgument<int>("first");
            if (first is < 1 or > MaxFirst)
                throw new QueryError(QueryError.InvalidArgument, $"first must be between 1 and {MaxFirst}; got {first}.");
            var loader = context.Services().GetRequiredService<BatchScope>().Loader<int, IReadOnlyList<RelatedPaper>>(
                $"Paper.related|{first}|{string.Join('.', context.ResponsePath.Where(p => p is string))}",
                () => Fetch(context, first));
            return loader.Load(context.Source.Id);
        }).WithMetadata(Limits.CostDefaults.ResolverCostKey, true);

    /// <summary>
    /// A level's fetch, planned by the first parent's resolver (the context is not to be kept past it); the related
    /// ids it looks up come from the ranking when the batch runs.
    /// </summary>
    private static Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, IReadOnlyList<RelatedPaper>>>> Fetch(IResolveFieldContext context, int first)
    {
        var sets = Planner.SetsOf(context, (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType(), Lookups.Selection(context), "paper");
        var plan = Lookups.Plan(context, PaperType.All, sets, MaxRelatedPerLevel);
        var services = context.Services();
        return (ids, ct) => FetchAsync(services, plan, ids, first, ct);
    }

    /// <summary>Every requested paper gets an entry (an empty list when nothing is related).</summary>
    private static async Task<IReadOnlyDictionary<int, IReadOnlyList<RelatedPaper>>> FetchAsync(IServiceProvider services, ListPlan plan, IReadOnlyCollection<int> paperIds, int first, CancellationToken ct)
    {
        var rows = await services.GetRequiredService<ReadSession>().RunAsync((db, ct) => RankAsync(db, paperIds, first, ct), ct).ConfigureAwait(false);
        var relatedIds = rows.Select(r => r.RelatedId).Distinct().ToList();
        var papers = relatedIds.Count == 0
            ? new Dictionary<int, object>()
            : (await Lookups.RunAsync(services, [Lookups.WithIds(plan, relatedIds)], ct).ConfigureAwait(false))[0];
        var byPaper = rows.ToLookup(r => r.PaperId);
        return paperIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<RelatedPaper>)byPaper[id].OrderBy(r => r.Place)
                .Select(r => new RelatedPaper((Paper)papers[r.RelatedId], r.Score, r.SharedAuthors, r.SharedKeywords, r.SharedDatasets, r.SharedCodebases))
                .ToList());
    }

    /// <summary>Most related papers one level can have: a full page of parents, each with the most `first` allows.</summary>
    private const int MaxRelatedPerLevel = 100 * MaxFirst;

    private static async Task<List<Row>> RankAsync(RlhfGraphDbContext db, IReadOnlyCollection<int> paperIds, int first, CancellationToken ct)
    {
        if (paperIds.Count == 0) return [];
        // Only integers from our own loader are spliced in (the parents' ids and a validated count).
        var ids = string.Join(", ", paperIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = $"""
            WITH pairs AS (
                SELECT a.PaperId AS PaperId, b.PaperId AS RelatedId, 1 AS A, 0 AS K, 0 AS D, 0 AS C
                FROM PaperAuthors a JOIN PaperAuthors b ON b.AuthorId = a.AuthorId AND b.PaperId <> a.PaperId WHERE a.PaperId IN ({ids})
                UNION ALL
                SELECT a.PaperId, b.PaperId, 0, 1, 0, 0
                FROM PaperKeywords a JOIN PaperKeywords b ON b.KeywordId = a.KeywordId AND b.PaperId <> a.PaperId WHERE a.PaperId IN ({ids})
                UNION ALL
                SELECT a.PaperId, b.PaperId, 0, 0, 1, 0
                FROM PaperDatasets a JOIN PaperDatasets b ON b.DatasetId = a.DatasetId AND b.PaperId <> a.PaperId WHERE a.PaperId IN ({ids})
                UNION ALL
                SELECT a.PaperId, b.PaperId, 0, 0, 0, 1
                FROM PaperCodebases a JOIN PaperCodebases b ON b.CodebaseId = a.CodebaseId AND b.PaperId <> a.PaperId WHERE a.PaperId IN ({ids})
            ), scored AS (
                SELECT PaperId, RelatedId, SUM(A) AS SharedAuthors, SUM(K) AS SharedKeywords, SUM(D) AS SharedDatasets, SUM(C) AS SharedCodebases,
                       3 * SUM(A) + 2 * SUM(D) + 2 * SUM(C) + SUM(K) AS Score
                FROM pairs GROUP BY PaperId, RelatedId
            ), ranked AS (
                SELECT PaperId, RelatedId, SharedAuthors, SharedKeywords, SharedDatasets, SharedCodebases, Score,
                       ROW_NUMBER() OVER (PARTITION BY PaperId ORDER BY Score DESC, RelatedId) AS Place
                FROM scored
            )
            SELECT r.PaperId, r.RelatedId, r.SharedAuthors, r.SharedKeywords, r.SharedDatasets, r.SharedCodebases, r.Score, r.Place
            FROM ranked r
            WHERE r.Place <= {first.ToString(CultureInfo.InvariantCulture)}
            """;
        return await db.Database.SqlQueryRaw<Row>(sql).ToListAsync(ct).ConfigureAwait(false);
    }

    private sealed class Row
    {
        public int PaperId { get; init; }

        public int RelatedId { get; init; }

        public int SharedAuthors { get; init; }

        public int SharedKeywords { get; init; }

        public int SharedDatasets { get; init; }

        public int SharedCodebases { get; init; }

        public int Score { get; init; }

        public long Place { get; init; }
    }
}
