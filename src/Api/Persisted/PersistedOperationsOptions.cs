namespace RlhfGraph.Api.Persisted;

/// <summary>The "PersistedOperations" section: trusted documents, automatic persisted queries and the persisted-only switch.</summary>
public sealed class PersistedOperationsOptions
{
    public const string SectionName = "PersistedOperations";

    /// <summary>Folder of trusted documents, each named by the SHA-256 (hex) of its text plus ".graphql"; relative to the content root.</summary>
    public string Directory { get; set; } = "persisted";

    /// <summary>Apollo's automatic persisted queries: an unknown hash answers PERSISTED_QUERY_NOT_FOUND and the client registers it.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>Registered documents kept in memory (least recently used go first); trusted documents do not count.</summary>
    public int AutomaticCacheSize { get; set; } = 1000;

    /// <summary>Most memory registered documents may take (their text as .NET holds it, two bytes a character); the count bound applies too.</summary>
    public long AutomaticCacheBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Admit only operations of the trusted folder (by id, or by a text whose hash is in it); APQ registration is refused.</summary>
    public bool OnlyPersisted { get; set; }
}
