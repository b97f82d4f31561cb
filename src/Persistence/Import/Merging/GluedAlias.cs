using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// The flattened list (003) runs an item's alias into its title: "Training language models to follow instructions
/// with human feedback InstructGPT", where 001:164 writes "[Training language models to follow instructions with human
/// feedback](…) (InstructGPT)". A title's last words are split off as its alias only when another list gives exactly
/// that alias to exactly the rest of the title: a title that merely ends in a name ("… with GPT-4") stays whole.
/// </summary>
internal sealed class GluedAlias
{
    // Aliases are short names; looking further back than this costs title folds and finds nothing.
    private const int MaxAliasWords = 3;

    private readonly Dictionary<string, List<(string Alias, string Source)>> _aliasesByTitle = new(StringComparer.Ordinal);

    public GluedAlias(IEnumerable<ListItem> items)
    {
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Alias)) continue;
            var key = TitleKey.Of(item.Title);
            if (!_aliasesByTitle.TryGetValue(key, out var aliases)) _aliasesByTitle[key] = aliases = [];
            aliases.Add((item.Alias.Trim(), item.Source));
        }
    }

    /// <summary>The item with a glued alias split off its title, or the item itself.</summary>
    public ListItem SplitOff(ListItem item)
    {
        if (item.Alias is not null || _aliasesByTitle.Count == 0) return item;
        var title = item.Title.TrimEnd();
        var at = title.Length;
        for (var words = 0; words < MaxAliasWords; words++)
        {
            at = title.LastIndexOf(' ', at - 1);
            if (at <= 0) return item;
            var alias = title[(at + 1)..];
            var rest = title[..at].TrimEnd();
            if (_aliasesByTitle.TryGetValue(TitleKey.Of(rest), out var given)
                && given.Any(g => string.Equals(g.Alias, alias, StringComparison.Ordinal) && !string.Equals(g.Source, item.Source, StringComparison.Ordinal)))
            {
                return item with { Title = rest, Alias = alias };
            }
        }

        return item;
    }
}
