namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// One string instance per distinct value, for the values a list repeats from item to item (author names, keywords,
/// code labels, dataset names): a large list's parsed items are held until the merge ends, and its 250k items named
/// their authors and keywords in ~1.5 million strings of which a few hundred thousand differ. Used for one parse only,
/// so the pool dies with it.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var pooled)) return pooled;
        _strings.Add(value);
        return value;
    }
}
