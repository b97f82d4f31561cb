namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>The items that are one paper, and its arXiv id.</summary>
internal sealed record PaperCluster(List<SourcedItem> Items, string? ArxivId);
