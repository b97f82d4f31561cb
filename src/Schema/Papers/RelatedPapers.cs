using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Batching;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Shaping;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Papers;

/// <summary>A paper related to another, with what they share.</summary>
internal sealed record RelatedPaper(Paper Paper, int Score, int SharedAuthors, int SharedKeywords, int SharedDatasets, int SharedCodebases);

/// <summary>
/// Related papers for a whole level of papers in one planned statement: it ranks every candidate of every parent
/// (shared links counted per kind, ROW_NUMBER keeps each parent's top N) and reads each ranked paper with everything
/// selected under it (a lookup level correlated with the ranked row, nested lists inside).
/// Score = 3 × shared authors + 2 × shared datasets + 2 × shared codebases + 1 × shared keywords.
/// </summary>
internal static class RelatedPapers
{
    public const int MaxFirst = 20;

    private static readonly string[] Columns = ["PaperId", "SharedAuthors", "SharedKeywords", "SharedDatasets", "SharedCodebases", "Score", "Place"];

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
    /// A level's fetch, planned by the first parent's resolver (the context is not to be kept past it); the batch's
    /// parent ids are bound when it runs.
    /// </summary>
    private static Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, IReadOnlyList<RelatedPaper>>>> Fetch(IResolveFieldContext context, int first)
    {
        var sets = Planner.SetsOf(context, (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType(), Lookups.Selection(context), "paper");
        var plan = Lookups.Plan(context, PaperType.All, sets, 1);
        var services = context.Services();
        return (ids, ct) => FetchAsync(services, plan, ids, first, ct);
    }

    /// <summary>Every requested paper gets an entry (an empty list when nothing is related).</summary>
    private static async Task<IReadOnlyDictionary<int, IReadOnlyList<RelatedPaper>>> FetchAsync(IServiceProvider services, ListPlan plan, IReadOnlyCollection<int> paperIds, int first, CancellationToken ct)
    {
        var prefetched = services.GetRequiredService<PrefetchedPages>();
        if (paperIds.Count == 0) return new Dictionary<int, IReadOnlyList<RelatedPaper>>();
        Lookups.Observe(services, [plan], (model, dialect) => Compile(plan, model, dialect, paperIds, first));
        var rows = await services.GetRequiredService<ReadSession>().RunAsync(
            (db, ct) =>
            {
                var statement = Compile(plan, db.Model, PlannedRead.Dialect(db), paperIds, first);
                return PlannedRead.RunRowsAsync(db, statement, prefetched, (row, page) => (
                    PaperId: row.GetProperty("PaperId").GetInt32(),
                    Place: row.GetProperty("Place").GetInt32(),
                    Related: new RelatedPaper(
                        (Paper)page.Edges[0].Node,
                        row.GetProperty("Score").GetInt32(),
                        row.GetProperty("SharedAuthors").GetInt32(),
                        row.GetProperty("SharedKeywords").GetInt32(),
                        row.GetProperty("SharedDatasets").GetInt32(),
                        row.GetProperty("SharedCodebases").GetInt32())), ct);
            },
            ct).ConfigureAwait(false);
        var byPaper = rows.ToLookup(r => r.PaperId);
        return paperIds.ToDictionary(id => id, id => (IReadOnlyList<RelatedPaper>)[.. byPaper[id].OrderBy(r => r.Place).Select(r => r.Related)]);
    }

    private static CompiledStatement Compile(ListPlan plan, Microsoft.EntityFrameworkCore.Metadata.IModel model, SqlDialect dialect, IReadOnlyCollection<int> paperIds, int first) =>
        PlanCompiler.CompileRows(plan, model, dialect, paperIds, ids => Ranking(dialect, ids, first), "RelatedId", Columns);

    /// <summary>
    /// The ranked candidates of the papers in the JSON array parameter <paramref name="ids"/>, their top
    /// <paramref name="first"/> each (a validated count, the only value written into the text). Derived tables, not
    /// CTEs, so the ranking can stand as a subquery on SQL Server too.
    /// </summary>
    private static string Ranking(SqlDialect dialect, string ids, int first)
    {
        string Pairs(string table, string key, string kinds) =>
            $"SELECT a.PaperId AS PaperId, b.PaperId AS RelatedId, {kinds} FROM {table} a JOIN {table} b ON b.{key} = a.{key} AND b.PaperId <> a.PaperId WHERE {dialect.InJsonArray("a.PaperId", ids, numeric: true)}";
        return $"""
            SELECT PaperId, RelatedId, SharedAuthors, SharedKeywords, SharedDatasets, SharedCodebases, Score, Place FROM (
                SELECT PaperId, RelatedId, SharedAuthors, SharedKeywords, SharedDatasets, SharedCodebases, Score,
                       ROW_NUMBER() OVER (PARTITION BY PaperId ORDER BY Score DESC, RelatedId) AS Place
                FROM (
                    SELECT PaperId, RelatedId, SUM(A) AS SharedAuthors, SUM(K) AS SharedKeywords, SUM(D) AS SharedDatasets, SUM(C) AS SharedCodebases,
                           3 * SUM(A) + 2 * SUM(D) + 2 * SUM(C) + SUM(K) AS Score
                    FROM (
                        {Pairs("PaperAuthors", "AuthorId", "1 AS A, 0 AS K, 0 AS D, 0 AS C")}
                        UNION ALL {Pairs("PaperKeywords", "KeywordId", "0, 1, 0, 0")}
                        UNION ALL {Pairs("PaperDatasets", "DatasetId", "0, 0, 1, 0")}
                        UNION ALL {Pairs("PaperCodebases", "CodebaseId", "0, 0, 0, 1")}
                    ) AS pairs GROUP BY PaperId, RelatedId
                ) AS scored
            ) AS ranked
            WHERE Place <= {first.ToString(CultureInfo.InvariantCulture)}
            """;
    }
}
