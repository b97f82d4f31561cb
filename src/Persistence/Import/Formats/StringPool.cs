namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// One string instance per distinct value, for the values a list repeats from item to item (author names, keywords,
/// code labels, dataset names): a large list's parsed items are held until the merge ends, and its 250k items named
/// their authors and keywords in ~1.5 million strings of which a few hundred thousand differ. Used for one parse only,
/// so the pool dies with it.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public StringPool()
    {
        _strings = new HashSet<string>(StringComparer.Ordinal);
        _spans = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var pooled)) return pooled;
        _strings.Add(value);
        return value;
    }

    /// <summary>The pool's string for a piece of a line, made only when the pool has none: a repeated name or keyword costs no string at all.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (_spans.TryGetValue(value, out var pooled)) return pooled;
        var text = value.ToString();
        _strings.Add(text);
        return text;
    }
}
