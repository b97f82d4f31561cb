using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// One searchable thing (paper, author, codebase or dataset) with its text folded for matching:
/// lower case, no accents, punctuation turned into spaces. Derived from the other tables by the
/// importer; SQLite's FTS5 index reads it as external content, SQL Server searches it with LIKE.
/// </summary>
public sealed class SearchEntry
{
    /// <summary><see cref="EntityId"/> × 4 + <see cref="Kind"/>: stable across rebuilds, and an integer as FTS5's rowid must be.</summary>
    public int Id { get; set; }

    public SearchKind Kind { get; set; }

    public int EntityId { get; set; }

    /// <summary>The name as shown (title, person's name, dataset name).</summary>
    public required string Label { get; set; }

    /// <summary>Folded name words (title and alias, name and spellings), padded with a space each side for whole-word LIKE.</summary>
    public required string Name { get; set; }

    /// <summary>Folded secondary words (keywords, authors, description, URL), padded like <see cref="Name"/>.</summary>
    public required string Text { get; set; }

    /// <summary>How established the thing is (lists mentioning a paper, papers of an author or dataset): breaks ties.</summary>
    public int Popularity { get; set; }

    public static int IdOf(SearchKind kind, int entityId) => (entityId * 4) + (int)kind;
}
