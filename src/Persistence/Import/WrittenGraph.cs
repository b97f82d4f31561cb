using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// The link rows the derived tables (the co-authorships, the search entries) are made of, as the writer wrote them: ids
/// only, so the importer need not read back the largest table it has just written (250k-item list: 1.15 million bylines,
/// read back twice, ≈ 1.2 s of the import's one connection, for ≈ 18 MB kept; docs/benchmarks.md §13). Only where the
/// importer inserts rows itself (see <see cref="RowInserter"/>); elsewhere the derived tables are made from the tables.
/// </summary>
/// <remarks>
/// The papers' and authors' own values are read back instead: kept too, with their strings, they stood on top of the
/// writing's peak (the server collector's process: 930 → 1 064 MB, docs/benchmarks.md §13).
/// </remarks>
internal sealed class WrittenGraph(int bylines, int paperKeywords)
{
    /// <summary>Every byline row as written, in no particular order.</summary>
    public List<(int PaperId, int AuthorId, int Position)> Bylines { get; } = new(bylines);

    /// <summary>Every paper's keyword links as written, in no particular order.</summary>
    public List<(int PaperId, int KeywordId)> PaperKeywords { get; } = new(paperKeywords);

    /// <summary>The bylines as (paper, author) pairs, for counting the co-authorships.</summary>
    public List<(int PaperId, int AuthorId)> BylinePairs() => Bylines.ConvertAll(b => (b.PaperId, b.AuthorId));

    /// <summary>The bylines by paper, then position, as the search entries read them.</summary>
    internal List<SearchEntries.Link> BylinesInOrder()
    {
        Bylines.Sort((x, y) => x.PaperId != y.PaperId ? x.PaperId.CompareTo(y.PaperId)
            : x.Position != y.Position ? x.Position.CompareTo(y.Position) : x.AuthorId.CompareTo(y.AuthorId));
        return Bylines.ConvertAll(b => new SearchEntries.Link(b.PaperId, b.AuthorId));
    }

    /// <summary>The papers' keyword links by paper, then keyword, as the search entries read them.</summary>
    internal List<SearchEntries.Link> PaperKeywordsInOrder()
    {
        PaperKeywords.Sort();
        return PaperKeywords.ConvertAll(k => new SearchEntries.Link(k.PaperId, k.KeywordId));
    }
}
