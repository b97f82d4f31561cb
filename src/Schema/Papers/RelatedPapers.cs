using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Execution;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Batching;

namespace RlhfGraph.Schema.Papers;

/// <summary>A paper related to another, with what they share.</summary>
internal sealed record RelatedPaper(Paper Paper, int Score, int SharedAuthors, int SharedKeywords, int SharedDatasets, int SharedCodebases);

/// <summary>
/// Related papers for a whole level of papers in one statement: it ranks every candidate of every parent
/// (shared links counted per kind, ROW_NUMBER keeps each parent's top N) and returns them with their columns.
/// Score = 3 × shared authors + 2 × shared datasets + 2 × shared codebases + 1 × shared keywords.
/// </summary>
internal static class RelatedPapers
{
    public const int MaxFirst = 20;

    /// <summary>Resolves `related(first:)` through one batch per level and `first`.</summary>
    public static FieldBuilder<Paper, object> ResolveRelated(this FieldBuilder<Paper, object> field) =>
        field.Resolve(context =>
        {
            var first = context.GetArgument<int>("first");
            if (first is < 1 or > MaxFirst)
                throw new QueryError(QueryError.InvalidArgument, $"first must be between 1 and {MaxFirst}; got {first}.");
            var session = context.Services().GetRequiredService<ReadSession>();
            var loader = context.Services().GetRequiredService<BatchScope>().Loader<int, IReadOnlyList<RelatedPaper>>(
                $"Paper.related|{first}",
                (ids, ct) => session.RunAsync((db, ct) => FetchAsync(db, ids, first, ct), ct));
            return loader.Load(context.Source.Id);
        }).WithMetadata(Limits.CostDefaults.ResolverCostKey, true);

    /// <summary>Every requested paper gets an entry (an empty list when nothing is related).</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<RelatedPaper>>> FetchAsync(RlhfGraphDbContext db, IReadOnlyCollection<int> paperIds, int first, CancellationToken ct)
    {
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
            SELECT r.PaperId, r.RelatedId, r.SharedAuthors, r.SharedKeywords, r.SharedDatasets, r.SharedCodebases, r.Score, r.Place,
                   p."Key" AS PaperKey, p.Title, p.TitleKey, p.Url, p.ArxivId, p."Year", p.Venue, p.Kind, p.Alias, p.CitationCount,
                   p.HasOfficialCode, p.MentionCount, p.AuthorsTruncated
            FROM ranked r JOIN Papers p ON p.Id = r.RelatedId
            WHERE r.Place <= {first.ToString(CultureInfo.InvariantCulture)}
            """;
        // One statement for the level: the related papers' own columns come with their ranks.
        var rows = paperIds.Count == 0 ? [] : await db.Database.SqlQueryRaw<Row>(sql).ToListAsync(ct).ConfigureAwait(false);
        var byPaper = rows.ToLookup(r => r.PaperId);
        return paperIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<RelatedPaper>)byPaper[id].OrderBy(r => r.Place)
                .Select(r => new RelatedPaper(r.ToPaper(), r.Score, r.SharedAuthors, r.SharedKeywords, r.SharedDatasets, r.SharedCodebases))
                .ToList());
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

        public required string PaperKey { get; init; }

        public required string Title { get; init; }

        public required string TitleKey { get; init; }

        public string? Url { get; init; }

        public string? ArxivId { get; init; }

        public int? Year { get; init; }

        public string? Venue { get; init; }

        public required string Kind { get; init; }

        public string? Alias { get; init; }

        public int? CitationCount { get; init; }

        public bool HasOfficialCode { get; init; }

        public int MentionCount { get; init; }

        public bool AuthorsTruncated { get; init; }

        public Paper ToPaper() => new()
        {
            Id = RelatedId,
            Key = PaperKey,
            Title = Title,
            TitleKey = TitleKey,
            Url = Url,
            ArxivId = ArxivId,
            Year = Year,
            Venue = Venue,
            Kind = Enum.Parse<PaperKind>(Kind),  // stored as its name (PaperConfiguration)
            Alias = Alias,
            CitationCount = CitationCount,
            HasOfficialCode = HasOfficialCode,
            MentionCount = MentionCount,
            AuthorsTruncated = AuthorsTruncated,
        };
    }
}
