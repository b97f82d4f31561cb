namespace RlhfGraph.Persistence.Import;

/// <summary>How an import may change the database beyond what the lists say.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>
    /// Lets an import leave a source with no items, remove more than half of the items it had at the last import, or
    /// remove a source that sources.json no longer lists.
    /// Off by default: a list replaced by a "404 Not Found" page or cut short by a failed copy reads as a short list,
    /// and importing it would delete hundreds of rows the list still means to hold.
    /// </summary>
    public bool AllowShrink { get; init; }

    /// <summary>
    /// How long an import waits for another import into the same database to finish before it gives up, written
    /// nothing and says so. Longer than the command timeout on purpose: that one keeps API reads from hanging on a
    /// locked file (3 s on SQLite), while a second `seed` should simply take its turn behind an import that takes a while.
    /// </summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(2);
}
