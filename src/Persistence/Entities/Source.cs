namespace RlhfGraph.Persistence.Entities;

/// <summary>One list file the graph was imported from.</summary>
public sealed class Source
{
    public int Id { get; set; }

    /// <summary>Readable name from seed/sources.json, unique.</summary>
    public required string Name { get; set; }

    public required string FileName { get; set; }

    public string? OriginalFileName { get; set; }

    public string? Title { get; set; }

    public required string Format { get; set; }

    /// <summary>Items imported from this list (merged ones included, skipped ones not).</summary>
    public int ItemCount { get; set; }

    /// <summary>SHA-256 of the file's bytes at the last import.</summary>
    public required string ContentHash { get; set; }

    public List<Mention> Mentions { get => field ??= []; set; }
}
