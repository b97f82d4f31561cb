namespace RlhfGraph.Persistence.Import;

/// <summary>How an import may change the database beyond what the lists say.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// Lets an import leave a source with no items, or remove more than half of the items it had at the last import.
    /// Off by default: a list replaced by a "404 Not Found" page or cut short by a failed copy reads as a short list,
    /// and importing it would delete hundreds of rows the list still means to hold.
    /// </summary>
    public bool AllowShrink { get; init; }
}
