namespace RlhfGraph.Persistence.Entities;

/// <summary>A dataset a codebase works with.</summary>
public sealed class CodebaseDataset
{
    public int CodebaseId { get; set; }

    public int DatasetId { get; set; }

    public Codebase? Codebase { get; set; }

    public Dataset? Dataset { get; set; }
}
