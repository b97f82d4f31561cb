using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>One list item and the list it came from; identity, not value, equality: the same item text can appear twice in a list.</summary>
internal sealed class SourcedItem(string source, ListItem item, int order)
{
    public string Source { get; } = source;

    public ListItem Item { get; } = item;

    public int Order { get; } = order;
}
