namespace RlhfGraph.Persistence.Entities;

/// <summary>An author's place in a paper's byline.</summary>
public sealed class PaperAuthor
{
    public int PaperId { get; set; }

    public int AuthorId { get; set; }

    /// <summary>0-based byline position.</summary>
    public int Position { get; set; }

    public Paper? Paper { get; set; }

    public Author? Author { get; set; }
}
