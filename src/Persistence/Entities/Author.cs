namespace RlhfGraph.Persistence.Entities;

/// <summary>A person or an organisation credited on papers or codebases.</summary>
public sealed class Author
{
    public int Id { get; set; }

    /// <summary>Natural key: the folded name of the variant chosen as display name.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public AuthorKind Kind { get; set; }

    /// <summary>Papers credited to this author; kept in step by the importer so sorting by it is an index scan.</summary>
    public int PaperCount { get; set; }

    public List<AuthorAlias> Aliases { get => field ??= []; set; }

    public List<PaperAuthor> Papers { get => field ??= []; set; }

    public List<CodebaseAuthor> Codebases { get => field ??= []; set; }

    /// <summary>Authors sharing papers with this one (a view; read-only).</summary>
    public List<Coauthorship> Coauthorships { get => field ??= []; set; }
}
