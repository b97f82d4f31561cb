namespace RlhfGraph.Persistence.Entities;

/// <summary>A person named for a codebase in a "Codebases" section, in the order listed.</summary>
public sealed class CodebaseAuthor
{
    public int CodebaseId { get; set; }

    public int AuthorId { get; set; }

    public int Position { get; set; }

    public Codebase? Codebase { get; set; }

    public Author? Author { get; set; }
}
