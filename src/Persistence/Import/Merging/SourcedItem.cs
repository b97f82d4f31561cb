using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>One list item and the list it came from; identity, not value, equality: the same item text can appear twice in a list.</summary>
internal sealed class SourcedItem(string source, ListItem item, int order)
{
    private ListItem? _item = item;

    public string Source { get; } = source;

    /// <summary>The item as parsed, until <see cref="LetGo"/>.</summary>
    /// <exception cref="InvalidOperationException">The item was let go: only its place is left.</exception>
    public ListItem Item => _item ?? throw new InvalidOperationException($"{Source}:{Line}: the item was let go once its entity was made; only its place is left.");

    public int Order { get; } = order;

    /// <summary>The item's line, as <see cref="ListItem.Line"/>.</summary>
    public int Line { get; } = item.Line;

    /// <summary>The item's column, as <see cref="ListItem.Column"/>.</summary>
    public int? Column { get; } = item.Column;

    /// <summary>The item's heading path, as <see cref="ListItem.Section"/>.</summary>
    public string? Section { get; } = item.Section;

    /// <summary>
    /// Forgets the item's link, which the merge found to be another item's (see <see cref="PaperMerger.CopiedLinks"/>): what is
    /// made of the item then takes its address, venue and year from its other evidence.
    /// </summary>
    public void ForgetCopiedLink() => _item = Item with { Url = null };

    /// <summary>
    /// Keeps only where the item stands (list, line, column, section), once its entity is made from it: on a large list the
    /// parsed items are a quarter of the merge's peak memory, and what comes later (mentions, reports) reads only the place
    /// (docs/benchmarks.md §13).
    /// </summary>
    public void LetGo() => _item = null;

    /// <summary>
    /// Still identity equality, hashed by the item's order among all items (unique to it): the object's own hash code is made
    /// on first use, which on a large list cost seconds of the merge (250k-item list: docs/benchmarks.md §13).
    /// </summary>
    public override int GetHashCode() => Order;

    /// <summary>Identity, as <see cref="object.Equals(object)"/>.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
