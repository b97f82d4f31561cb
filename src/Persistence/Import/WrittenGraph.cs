using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// What the tables derived from the graph (the co-authorships and the search entries) are made of, kept by the writer
/// under their ids as it writes them, so that the importer need not read them back from the tables it has just written
/// (250k-item list: the read-backs were 3.4 s of the import's one connection, docs/benchmarks.md §13). Only where the
/// importer inserts rows itself (see <see cref="RowInserter"/>); elsewhere the derived tables are made from the tables.
/// </summary>
internal sealed class WrittenGraph
{
    /// <summary>Every byline row as written, in no particular order.</summary>
    public List<(int PaperId, int AuthorId, int Position)> Bylines { get; } = [];

    /// <summary>Every paper's keyword links as written, in no particular order.</summary>
    public List<(int PaperId, int KeywordId)> PaperKeywords { get; } = [];

    /// <summary>The papers' searchable values, by id.</summary>
    public List<SearchEntries.PaperRow> Papers { get; } = [];

    /// <summary>The authors' searchable values, by id.</summary>
    public List<SearchEntries.AuthorRow> Authors { get; } = [];

    /// <summary>Every keyword's name by id.</summary>
    public Dictionary<int, string> Keywords { get; } = [];

    /// <summary>The bylines as (paper, author) pairs, for counting the co-authorships.</summary>
    public List<(int PaperId, int AuthorId)> BylinePairs() => Bylines.ConvertAll(b => (b.PaperId, b.AuthorId));
}
