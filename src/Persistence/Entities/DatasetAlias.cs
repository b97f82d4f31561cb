namespace RlhfGraph.Persistence.Entities;

/// <summary>Another name a list used for a dataset.</summary>
public sealed class DatasetAlias
{
    public int Id { get; set; }

    public int DatasetId { get; set; }

    public required string Name { get; set; }

    public Dataset? Dataset { get; set; }
}
