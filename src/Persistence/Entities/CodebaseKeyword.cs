namespace RlhfGraph.Persistence.Entities;

/// <summary>A keyword, environment or task attached to a codebase.</summary>
public sealed class CodebaseKeyword
{
    public int CodebaseId { get; set; }

    public int KeywordId { get; set; }

    public Codebase? Codebase { get; set; }

    public Keyword? Keyword { get; set; }
}
