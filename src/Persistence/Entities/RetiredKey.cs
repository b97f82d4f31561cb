namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// The id an entity had when it left the lists, under its natural key, so that it gets the same id (and so the same
/// global id clients cached or bookmarked) when it comes back. Written and consumed by the importer only.
/// </summary>
public sealed class RetiredKey
{
    public int Id { get; set; }

    /// <summary>Which table the entity was in: its entity type's name ("Paper", "Author").</summary>
    public required string Kind { get; set; }

    /// <summary>The natural key the importer matches rows on (a paper's or author's Key, a source's Name).</summary>
    public required string Key { get; set; }

    /// <summary>The id the entity had; given back only to an entity of the same kind and key.</summary>
    public int EntityId { get; set; }
}
