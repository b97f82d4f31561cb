namespace RlhfGraph.Persistence.Entities;

/// <summary>A code repository or project page, merged by normalized URL.</summary>
public sealed class Codebase
{
    public int Id { get; set; }

    /// <summary>Natural key: "github.com/owner/name" for repositories, the folded URL otherwise.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Url { get; set; }

    public string? Host { get; set; }

    public string? Owner { get; set; }

    public string? Repository { get; set; }

    public string? Description { get; set; }

    public List<PaperCodebase> Papers { get => field ??= []; set; }

    public List<CodebaseAuthor> Authors { get => field ??= []; set; }

    public List<CodebaseDataset> Datasets { get => field ??= []; set; }

    public List<CodebaseKeyword> Keywords { get => field ??= []; set; }

    public List<Mention> Mentions { get => field ??= []; set; }
}
