namespace RlhfGraph.Persistence.Entities;

/// <summary>A dataset a paper uses or introduces.</summary>
public sealed class PaperDataset
{
    public int PaperId { get; set; }

    public int DatasetId { get; set; }

    public Paper? Paper { get; set; }

    public Dataset? Dataset { get; set; }
}
