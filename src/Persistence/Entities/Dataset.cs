namespace RlhfGraph.Persistence.Entities;

/// <summary>A dataset, merged by folded name and known aliases ("CNN/DM" = "CNN Daily Mail").</summary>
public sealed class Dataset
{
    public int Id { get; set; }

    /// <summary>Natural key: the dataset name's alias-group key.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Url { get; set; }

    public List<DatasetAlias> Aliases { get => field ??= []; set; }

    public List<PaperDataset> Papers { get => field ??= []; set; }

    public List<CodebaseDataset> Codebases { get => field ??= []; set; }

    public List<Mention> Mentions { get => field ??= []; set; }
}
