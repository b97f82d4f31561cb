namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// Two authors who share papers, and how many: derived from the bylines (PaperAuthors) and kept by the importer in
/// the import's transaction, both directions stored, so "an author's co-authors, most shared papers first" is a
/// plain, indexed, pageable relation like any other.
/// </summary>
public sealed class Coauthorship
{
    public int AuthorId { get; set; }

    public int CoauthorId { get; set; }

    public int SharedPapers { get; set; }

    public Author? Author { get; set; }

    public Author? Coauthor { get; set; }
}
