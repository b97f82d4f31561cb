namespace RlhfGraph.Schema.Querying;

/// <summary>A value tagged with the parent it belongs to, as a batched query returns it.</summary>
internal sealed record Keyed<TValue>(int Key, TValue Value);
