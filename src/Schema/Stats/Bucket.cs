namespace RlhfGraph.Schema.Stats;

/// <summary>One group of an aggregation: its key as text, how many, and the global id when the key is an entity.</summary>
internal sealed record Bucket(string? Key, int Count, string? Id = null);

/// <summary>
/// One row to be counted: its group's key, the entity the key names (0 for plain values), and
/// what is counted (a paper id) when each may occur more than once per group. Set every member
/// (0 when unused): EF Core can only group by what the projection binds.
/// </summary>
internal sealed class Grouping<TKey>
{
    public TKey Key { get; init; } = default!;

    public int EntityId { get; init; }

    public int Member { get; init; }
}

/// <summary>A group as SQL returns it, before the key becomes text.</summary>
internal sealed class Counted<TKey>
{
    public TKey Key { get; init; } = default!;

    public int EntityId { get; init; }

    public int Count { get; init; }
}
