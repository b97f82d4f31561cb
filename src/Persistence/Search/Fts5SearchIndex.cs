using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Search;

/// <summary>
/// SQLite's FTS5 index over SearchEntries (external content, created by the AddSearch migration).
/// Every word must occur; the score is <c>-bm25</c> with the name weighted 4× the other text, plus the
/// same bonuses as <see cref="LikeSearchIndex"/>: 4 when the name is exactly the query, 2 when it starts
/// with it, and 0.1 per unit of popularity up to 1.
/// </summary>
public sealed class Fts5SearchIndex : ISearchIndex
{
    public static readonly Fts5SearchIndex Instance = new();

    /// <summary>The virtual table; its columns are SearchEntries' Name and Text, its rowid their Id.</summary>
    internal const string CreateSql = """
        CREATE VIRTUAL TABLE SearchIndex USING fts5(Name, Text, content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 2')
        """;

    public async Task IndexEntriesAsync(RlhfGraphDbContext db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchIndex(SearchIndex) VALUES('rebuild')", ct).ConfigureAwait(false);

    public async Task<SearchPage> SearchAsync(RlhfGraphDbContext db, SearchText query, IReadOnlyCollection<SearchKind> kinds, int offset, int count, bool wantsTotal, CancellationToken ct)
    {
        if (query.IsEmpty || kinds.Count == 0) return new SearchPage([], 0);
        var match = string.Join(' ', query.Tokens.Select(Quote));
        var from = $"FROM SearchIndex JOIN SearchEntries e ON e.Id = SearchIndex.rowid WHERE SearchIndex MATCH @match AND e.Kind IN ({KindList(kinds)})";
        // Only our own integers (the kinds) are spliced into the SQL; user text goes in as parameters.
        var sql = $"""
            SELECT e.Kind AS Kind, e.EntityId AS EntityId, e.Label AS Label,
                   -bm25(SearchIndex, 4.0, 1.0)
                   + CASE WHEN e.Name = @whole THEN 4.0 ELSE 0.0 END
                   + CASE WHEN substr(e.Name, 1, length(@start)) = @start THEN 2.0 ELSE 0.0 END
                   + min(e.Popularity, 10) * 0.1 AS Score
            {from}
            ORDER BY Score DESC, length(e.Label), e.EntityId, e.Kind
            LIMIT @count OFFSET @offset
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql,
            new SqliteParameter("@match", match),
            new SqliteParameter("@whole", $" {query.Folded} "),
            new SqliteParameter("@start", $" {query.Folded}"),
            new SqliteParameter("@count", count),
            new SqliteParameter("@offset", offset)).ToListAsync(ct).ConfigureAwait(false);
        var countSql = $"SELECT COUNT(*) AS Value {from}";
        var total = wantsTotal
            ? await db.Database.SqlQueryRaw<int>(countSql, new SqliteParameter("@match", match)).SingleAsync(ct).ConfigureAwait(false)
            : 0;
        return new SearchPage(rows.Select(r => new SearchHit((SearchKind)r.Kind, r.EntityId, Math.Round(r.Score, 3), r.Label)).ToList(), total);
    }

    public async Task<IReadOnlyList<SearchHit>> AutocompleteAsync(RlhfGraphDbContext db, SearchText prefix, IReadOnlyCollection<SearchKind> kinds, int count, CancellationToken ct)
    {
        if (prefix.IsEmpty || kinds.Count == 0) return [];
        var match = string.Join(" AND ", prefix.Tokens.Select(t => $"Name : {Quote(t)}*"));
        var sql = $"""
            SELECT e.Kind AS Kind, e.EntityId AS EntityId, e.Label AS Label, CAST(e.Popularity AS REAL) AS Score
            FROM SearchIndex JOIN SearchEntries e ON e.Id = SearchIndex.rowid
            WHERE SearchIndex MATCH @match AND e.Kind IN ({KindList(kinds)})
            ORDER BY substr(e.Name, 1, length(@start)) = @start DESC, e.Popularity DESC, length(e.Label), e.Id
            LIMIT @count
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql,
            new SqliteParameter("@match", match),
            new SqliteParameter("@start", $" {prefix.Folded}"),
            new SqliteParameter("@count", count)).ToListAsync(ct).ConfigureAwait(false);
        return rows.Select(r => new SearchHit((SearchKind)r.Kind, r.EntityId, r.Score, r.Label)).ToList();
    }

    /// <summary>Tokens are letters and digits only (see <see cref="SearchText"/>), so quoting makes each a plain FTS5 string.</summary>
    private static string Quote(string token) => $"\"{token}\"";

    private static string KindList(IReadOnlyCollection<SearchKind> kinds) =>
        string.Join(", ", kinds.Select(k => ((int)k).ToString(CultureInfo.InvariantCulture)));

    private sealed class Row
    {
        public int Kind { get; init; }

        public int EntityId { get; init; }

        public string Label { get; init; } = "";

        public double Score { get; init; }
    }
}
