using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Every key an entity of the graph holds, beyond its own Key: each item merged into a paper brings its title key and
/// its link, each place naming a codebase its URL, each spelling of an author or a dataset its folded name. The writer
/// matches database rows on any of them (see <see cref="IdentityKey"/>), so an entity keeps its id while any remains,
/// whichever list gave it the key its Key column happens to show.
/// </summary>
internal sealed class EntityKeys
{
    private readonly Dictionary<(string Kind, string EntityKey), HashSet<string>> _keys = [];

    /// <summary>Records that the entity of <paramref name="kind"/> under <paramref name="entityKey"/> holds <paramref name="key"/> too.</summary>
    public void Add(string kind, string entityKey, string? key)
    {
        if (string.IsNullOrEmpty(key)) return;
        if (!_keys.TryGetValue((kind, entityKey), out var keys)) _keys[(kind, entityKey)] = keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        keys.Add(Truncate(key));
    }

    /// <summary>
    /// The keys a merged list item gives its paper: its title's key and its link (an arXiv link is the paper's ArxivId
    /// already). Only those the paper's own columns do not say are kept: on a large import most items say nothing new.
    /// </summary>
    public void AddPaperItem(Paper paper, ListItem item)
    {
        // The paper's own title and link say nothing new; compared first, as most items are their paper's only item (the keys
        // were made for every item: 250k-item list, docs/benchmarks.md §13).
        if (!string.Equals(item.Title, paper.Title, StringComparison.Ordinal)
            && Title(TitleKey.Of(item.Title)) is { } title && !string.Equals(title, Title(paper.TitleKey), StringComparison.OrdinalIgnoreCase))
            Add(nameof(Paper), paper.Key, title);
        if (!string.Equals(item.Url, paper.Url, StringComparison.Ordinal) && ArxivId.Parse(item.ArxivId ?? item.Url) is null)
            Add(nameof(Paper), paper.Key, Link(item.Url));
    }

    /// <summary>Forgets every key (the writer, once the entities are written).</summary>
    public void Clear()
    {
        _keys.Clear();
        _keys.TrimExcess();
    }

    /// <summary>The other keys recorded for the entity (its own columns' keys are <see cref="OfPaper"/> and the like).</summary>
    public IReadOnlyCollection<string> Of(string kind, string entityKey) =>
        _keys.TryGetValue((kind, entityKey), out var keys) ? keys : [];

    /// <summary>The keys a paper row's columns say: its Key, arXiv id, title key and link.</summary>
    public static IEnumerable<string> OfPaper(Paper paper)
    {
        yield return paper.Key;
        if (paper.ArxivId is { Length: > 0 } arxiv) yield return Truncate($"arxiv:{arxiv}");
        if (Title(paper.TitleKey) is { } title) yield return title;
        if (ArxivId.Parse(paper.Url) is null && Link(paper.Url) is { } link) yield return link;
    }

    /// <summary>"title:…" as a paper's Key has it, for a title that folds to anything.</summary>
    private static string? Title(string? titleKey) => titleKey is { Length: > 0 } ? Truncate($"title:{titleKey}") : null;

    /// <summary>A DOI link as "doi:10.…" (doi.org and dx.doi.org are one), any other web link as "url:" and its page key.</summary>
    private static string? Link(string? url)
    {
        if (WebUrl.Key(url) is not { } page) return null;
        foreach (var host in (string[])["doi.org/", "dx.doi.org/"])
        {
            if (page.StartsWith(host, StringComparison.OrdinalIgnoreCase) && page.Length > host.Length)
                return Truncate($"doi:{Uri.UnescapeDataString(page[host.Length..]).ToLowerInvariant()}");
        }

        return Truncate($"url:{page}");
    }

    /// <summary>A key cut to the column's length, as the Key columns cut theirs.</summary>
    public static string Clip(string key) => Truncate(key);

    private static string Truncate(string key) => key.Length <= Configurations.ColumnLengths.Key ? key : key[..Configurations.ColumnLengths.Key];
}
