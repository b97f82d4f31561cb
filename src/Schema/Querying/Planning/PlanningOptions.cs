namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>The "Planning" configuration section.</summary>
public sealed class PlanningOptions
{
    public const string SectionName = "Planning";

    /// <summary>Most memory the cache of compiled statements may take, in bytes (a statement enters it on its second use).</summary>
    public long CacheBytes { get; set; } = 16 * 1024 * 1024;
}
