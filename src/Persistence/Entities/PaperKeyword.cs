namespace RlhfGraph.Persistence.Entities;

/// <summary>A keyword, environment or task attached to a paper.</summary>
public sealed class PaperKeyword
{
    public int PaperId { get; set; }

    public int KeywordId { get; set; }

    public Paper? Paper { get; set; }

    public Keyword? Keyword { get; set; }
}
