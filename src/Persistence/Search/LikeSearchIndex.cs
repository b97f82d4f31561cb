using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Search;

/// <summary>
/// Search with plain LIKE over the folded SearchEntries columns: works on any provider (SQL Server
/// here, where full-text needs an optional server feature). Every word must occur; the score is
/// <c>3 per word found in the name (else 1 when found elsewhere) + 4 when the name is exactly the
/// query + 2 when it starts with it + up to 1 for a short entry</c> (the LIKE stand-in for bm25's
/// length normalisation: of two entries matching alike, the more focused one wins); popularity breaks ties.
/// </summary>
public sealed class LikeSearchIndex : ISearchIndex
{
    public static readonly LikeSearchIndex Instance = new();

    /// <summary>Nothing to do: LIKE reads the table itself.</summary>
    public Task IndexEntriesAsync(RlhfGraphDbContext db, CancellationToken ct) => Task.CompletedTask;

    public async Task<SearchPage> SearchAsync(RlhfGraphDbContext db, SearchText query, IReadOnlyCollection<SearchKind> kinds, int offset, int count, bool wantsTotal, CancellationToken ct)
    {
        if (query.IsEmpty) return new SearchPage([], 0);
        var matches = Matching(db, query, kinds, prefix: false);
        var whole = $" {query.Folded} ";
        var start = $" {query.Folded}";
        Expression<Func<SearchEntry, double>> bonus = e =>
            (e.Name == whole ? 4.0 : 0.0) + (e.Name.StartsWith(start) ? 2.0 : 0.0)
            + (e.Name.Length + e.Text.Length >= 1000 ? 0.0 : 1.0 - ((e.Name.Length + e.Text.Length) / 1000.0));
        var score = query.Tokens.Select(t => WordScore(t)).Aggregate(bonus, Add);
        var hits = await matches.Select(Hit(score))
            .OrderByDescending(h => h.Score).ThenByDescending(h => h.Popularity).ThenBy(h => h.Label.Length).ThenBy(h => h.EntityId).ThenBy(h => h.Kind)
            .Skip(offset).Take(count)
            .ToListAsync(ct).ConfigureAwait(false);
        var total = wantsTotal ? await matches.CountAsync(ct).ConfigureAwait(false) : 0;
        return new SearchPage(hits.Select(h => new SearchHit(h.Kind, h.EntityId, Math.Round(h.Score, 3), h.Label)).ToList(), total);
    }

    public async Task<IReadOnlyList<SearchHit>> AutocompleteAsync(RlhfGraphDbContext db, SearchText prefix, IReadOnlyCollection<SearchKind> kinds, int count, CancellationToken ct)
    {
        if (prefix.IsEmpty) return [];
        var start = $" {prefix.Folded}";
        var rows = await Matching(db, prefix, kinds, prefix: true)
            .OrderByDescending(e => e.Name.StartsWith(start)).ThenByDescending(e => e.Popularity).ThenBy(e => e.Label.Length).ThenBy(e => e.Id)
            .Take(count)
            .Select(e => new { e.Kind, e.EntityId, e.Popularity, e.Label })
            .ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new SearchHit(r.Kind, r.EntityId, r.Popularity, r.Label)).ToList();
    }

    /// <summary>Entries containing every token as a whole word (search) or word start (autocomplete: in the name only).</summary>
    private static IQueryable<SearchEntry> Matching(RlhfGraphDbContext db, SearchText text, IReadOnlyCollection<SearchKind> kinds, bool prefix)
    {
        var kindList = kinds.ToList();
        var entries = db.SearchEntries.Where(e => kindList.Contains(e.Kind));
        foreach (var token in text.Tokens)
        {
            var word = prefix ? $" {token}" : $" {token} ";
            entries = prefix
                ? entries.Where(e => e.Name.Contains(word))
                : entries.Where(e => e.Name.Contains(word) || e.Text.Contains(word));
        }

        return entries;
    }

    private static Expression<Func<SearchEntry, double>> WordScore(string token)
    {
        var word = $" {token} ";
        return e => e.Name.Contains(word) ? 3.0 : (e.Text.Contains(word) ? 1.0 : 0.0);
    }

    private static Expression<Func<SearchEntry, double>> Add(Expression<Func<SearchEntry, double>> left, Expression<Func<SearchEntry, double>> right) =>
        Expression.Lambda<Func<SearchEntry, double>>(
            Expression.Add(left.Body, new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body)), left.Parameters);

    private static Expression<Func<SearchEntry, Scored>> Hit(Expression<Func<SearchEntry, double>> score)
    {
        var e = score.Parameters[0];
        return Expression.Lambda<Func<SearchEntry, Scored>>(
            Expression.MemberInit(Expression.New(typeof(Scored)),
                Expression.Bind(typeof(Scored).GetProperty(nameof(Scored.Kind))!, Expression.Property(e, nameof(SearchEntry.Kind))),
                Expression.Bind(typeof(Scored).GetProperty(nameof(Scored.EntityId))!, Expression.Property(e, nameof(SearchEntry.EntityId))),
                Expression.Bind(typeof(Scored).GetProperty(nameof(Scored.Label))!, Expression.Property(e, nameof(SearchEntry.Label))),
                Expression.Bind(typeof(Scored).GetProperty(nameof(Scored.Popularity))!, Expression.Property(e, nameof(SearchEntry.Popularity))),
                Expression.Bind(typeof(Scored).GetProperty(nameof(Scored.Score))!, score.Body)),
            e);
    }

    private sealed class Scored
    {
        public SearchKind Kind { get; init; }

        public int EntityId { get; init; }

        public string Label { get; init; } = "";

        public int Popularity { get; init; }

        public double Score { get; init; }
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
