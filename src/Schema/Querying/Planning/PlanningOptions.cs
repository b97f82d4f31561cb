namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>The "Planning" configuration section.</summary>
public sealed class PlanningOptions
{
    public const string SectionName = "Planning";

    /// <summary>
    /// Whether root lists are read as one planned statement each (the default). Off, every list reads itself in
    /// batches through EF Core, as before the planner: the same answers in more statements, kept as a switch to
    /// compare the two and as a way out should a plan shape misbehave on a database.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most memory the cache of compiled statements may take, in bytes (a statement enters it on its second use).</summary>
    public long CacheBytes { get; set; } = 16 * 1024 * 1024;
}
