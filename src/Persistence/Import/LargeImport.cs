using System.Runtime;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// How a large import keeps its peak memory down: a full compacting collection (large objects too) where a step has
/// let go of much. What a step drops dies in the oldest generation, which the collector leaves until its budget says
/// otherwise, so it would stand under what the next step grows and the process's peak would be their sum (250k-item
/// list and 100k corpus: docs/benchmarks.md §13). A collection costs a fraction of a second against steps of tens of
/// seconds; on a small import there is nothing to win.
/// </summary>
internal static class LargeImport
{
    /// <summary>Items (seen, over all lists) from which an import is large.</summary>
    public const int Items = 10_000;

    /// <summary>Characters from which one list's text is a large import's, before its items are counted.</summary>
    public const int TextLength = 10_000_000;

    /// <summary>Collects everything, compacting the large object heap too.</summary>
    /// <param name="giveBack">
    /// Also give every free page back to the system (an aggressive collection): only where the heap has fallen far below
    /// its high-water mark for good. Elsewhere the next step would fault those pages in again and the collector zero them,
    /// which on the 250k-item list cost 15–25 s over the import's thirty-odd collections (docs/benchmarks.md §13).
    /// </param>
    public static void Collect(bool giveBack = false)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, giveBack ? GCCollectionMode.Aggressive : GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>
    /// Calls <paramref name="collect"/> at every <paramref name="parts"/>-th of a step over <paramref name="count"/>
    /// things, at the <paramref name="index"/>-th one, so what the step lets go as it goes does not add up.
    /// </summary>
    public static void AtEveryPart(int index, int count, int parts, Action? collect)
    {
        if (index > 0 && index % Math.Max(count / parts, 1) == 0) collect?.Invoke();
    }
}
