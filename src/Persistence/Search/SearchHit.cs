namespace RlhfGraph.Persistence.Search;

/// <summary>One match: what it is, its id in its own table, and its relevance (higher is better).</summary>
public sealed record SearchHit(SearchKind Kind, int EntityId, double Score, string Label);

/// <summary>A window of ranked hits and how many hits there are in all.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Hits, int Total);
