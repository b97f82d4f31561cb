namespace RlhfGraph.Persistence.Search;

/// <summary>
/// Ranked search and autocomplete over papers, authors, codebases and datasets. Each provider
/// brings its own (<see cref="RlhfGraphDbContext.Search"/>): SQLite uses FTS5, SQL Server LIKE
/// over the same folded text. User text never reaches the database as syntax, only as quoted tokens.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Makes the index match the SearchEntries table, which the importer has just rewritten; runs inside its transaction.</summary>
    Task IndexEntriesAsync(RlhfGraphDbContext db, CancellationToken ct);

    /// <summary>Hits for every word of <paramref name="query"/>, best first, skipping <paramref name="offset"/>.</summary>
    Task<SearchPage> SearchAsync(RlhfGraphDbContext db, SearchText query, IReadOnlyCollection<SearchKind> kinds, int offset, int count, bool wantsTotal, CancellationToken ct);

    /// <summary>Names whose words start with the typed words, most established first.</summary>
    Task<IReadOnlyList<SearchHit>> AutocompleteAsync(RlhfGraphDbContext db, SearchText prefix, IReadOnlyCollection<SearchKind> kinds, int count, CancellationToken ct);
}
