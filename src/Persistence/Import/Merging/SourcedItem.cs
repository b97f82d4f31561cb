using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>One list item and the list it came from; identity, not value, equality: the same item text can appear twice in a list.</summary>
internal sealed class SourcedItem(string source, ListItem item, int order)
{
    public string Source { get; } = source;

    public ListItem Item { get; private set; } = item;

    public int Order { get; } = order;

    /// <summary>
    /// Keeps only where the item stands (list, line, column, section) and its title, once its entity is made from it: on a
    /// large list the parsed items' links, bylines and keywords are a quarter of the merge's peak memory, and what comes
    /// later (mentions, reports) reads only the place (docs/benchmarks.md §13).
    /// </summary>
    public void KeepOnlyPlace() => Item = new ListItem
    {
        Source = Item.Source,
        Line = Item.Line,
        Column = Item.Column,
        Section = Item.Section,
        SectionKind = Item.SectionKind,
        SectionYear = Item.SectionYear,
        Title = Item.Title,
    };
}
