namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// A natural key an entity has held (an arXiv id, a DOI, a title key, a URL, an alias; its own Key) and the entity's id,
/// so that an entity keeps its id, and so the global id clients cached or bookmarked, while any of its keys remains:
/// when the list that gave a paper its arXiv id is removed, when it leaves the lists and comes back, when its title
/// is corrected. Keys an entity's own columns already say (its Key, a paper's ArxivId, TitleKey and Url) are stored
/// here only once the entity no longer says them. Written and consumed by the importer only.
/// </summary>
public sealed class IdentityKey
{
    public int Id { get; set; }

    /// <summary>Which table the entity is in: its entity type's name ("Paper", "Author").</summary>
    public required string Kind { get; set; }

    /// <summary>The key, namespaced as the importer makes it ("arxiv:2203.02155", "title:…", "url:…", a codebase's URL key).</summary>
    public required string Key { get; set; }

    /// <summary>The id of the entity that last held the key; an id is only ever given back through one of its keys.</summary>
    public int EntityId { get; set; }
}
