namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>A code repository's identity: host, owner and name, with its canonical https URL.</summary>
internal sealed record NormalizedRepository(string Url, string Host, string Owner, string Name)
{
    /// <summary>Merge key, case-insensitive like the hosts themselves: "github.com/huggingface/trl".</summary>
    public string Key { get; } = $"{Host}/{Owner}/{Name}".ToLowerInvariant();
}
