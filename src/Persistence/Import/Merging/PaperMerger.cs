using System.Runtime.InteropServices;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Which list items are one paper. By shared key first: the arXiv id, then the folded title, then (for works without an arXiv id)
/// the page they link; then near-identical titles that share an author. Three rules keep different works apart:
/// <list type="bullet">
/// <item>a shared key with contradicting evidence (dissimilar titles and no shared author: a list's typo'd arXiv id or copied
/// link) is not a merge but a conflict, reported with both file:lines;</item>
/// <item>titles merge only within one kind of work: a blog post, a talk, a book and a course never merge with each other or a paper
/// by title;</item>
/// <item>near-duplicate titles merge only when every pair of the two groups holds, never through a chain
/// (blog ~ talk ~ book by one shared author and a word or two).</item>
/// </list>
/// </summary>
internal sealed class PaperMerger
{
    /// <summary>Near-duplicate titles must be at least this similar, and share an author.</summary>
    internal const double NearDuplicateTitleSimilarity = 0.7;

    /// <summary>Below this, two titles under one key contradict it (unless they share an author).</summary>
    internal const double SharedKeyTitleSimilarity = 0.5;

    // A prolific author's papers are compared pairwise; bounding the block keeps a 100k-paper import linear-ish.
    private const int MaxNearDuplicateBlock = 400;

    private readonly IReadOnlyList<ListItem> _items;
    private readonly Func<int, string> _location;
    private readonly DisjointSet _sets;
    // The members of every set of two or more items, by root; an item alone is its own only member. One list per item was,
    // with a set of people per item, a million objects on a 250k-item list, all garbage by the end of the merge.
    private readonly Dictionary<int, List<int>> _members = [];
    private readonly string?[] _arxiv;
    private readonly string?[] _arxivOfRoot;
    private readonly string[] _titleKeys;
    // A title's distinct words as sorted ids (one id per word across the import): a prolific author's titles are compared
    // pairwise, and counting shared words of two sorted int arrays costs a fraction of hashing each word into a set.
    private readonly int[]?[] _titleWords;
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    // An item's people as sorted ids (one id per person key across the import), for the same reason as its title's words.
    private readonly int[][] _people;
    private readonly Dictionary<string, int> _personIds = new(StringComparer.Ordinal);
    private readonly WorkFamily[] _family;

    private PaperMerger(IReadOnlyList<ListItem> items, Func<int, string> location, Func<string, string> authorKey)
    {
        _items = items;
        _location = location;
        var n = items.Count;
        _sets = new DisjointSet(n);
        _arxiv = new string?[n];
        _arxivOfRoot = new string?[n];
        _titleKeys = new string[n];
        _titleWords = new int[]?[n];
        _people = new int[n][];
        // A written name's person id, so each spelling is keyed once however many bylines it is on.
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        _family = new WorkFamily[n];
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            _arxiv[i] = ArxivId.Parse(item.ArxivId) ?? ArxivId.Parse(item.Url) ?? FirstArxivId(item.Links);
            _arxivOfRoot[i] = _arxiv[i];
            _titleKeys[i] = TitleKey.Of(item.Title);
            _people[i] = PersonIds(item.People, written, authorKey);
            _family[i] = FamilyOf(item.SectionKind);
        }
    }

    private static string? FirstArxivId(IReadOnlyList<ListLink> links)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (ArxivId.Parse(links[i].Url) is { } id) return id;
        }

        return null;
    }

    private int[] PersonIds(IReadOnlyList<string> people, Dictionary<string, int> written, Func<string, string> authorKey)
    {
        if (people.Count == 0) return [];
        var ids = new List<int>(people.Count);
        foreach (var name in people)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(written, name, out var known);
            if (!known) id = authorKey(name) is { Length: > 0 } key ? PersonId(key) : -1;
            if (id >= 0 && !ids.Contains(id)) ids.Add(id);
        }

        if (ids.Count == 0) return [];
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private int PersonId(string key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_personIds, key, out var known);
        if (!known) id = _personIds.Count - 1;
        return id;
    }

    /// <summary>What kinds of work never merge by title with each other.</summary>
    private enum WorkFamily
    {
        Paper,
        Blog,
        Talk,
        Book,
        Course,
    }

    public List<string> Conflicts { get; } = [];

    /// <summary>Items whose link is another item's (see <see cref="OwnerOfCopiedLink"/>, <see cref="OwnerOfArxivId"/>): it is no evidence of their own work.</summary>
    public List<int> CopiedLinks { get; } = [];

    /// <summary>
    /// Groups of item indexes, one per paper, and each group's arXiv id; the conflicts to report; and the items whose link turned
    /// out to be another item's, which the paper made of them must not take its address, venue or year from.
    /// </summary>
    public static (List<(List<int> Items, string? ArxivId)> Papers, List<string> Conflicts, List<int> CopiedLinks) Merge(
        IReadOnlyList<ListItem> items, Func<int, string> location, Func<string, string> authorKey)
    {
        var merger = new PaperMerger(items, location, authorKey);
        merger.ByKey(i => merger._arxiv[i], "arXiv id");
        merger.ByTitle();
        // One page, one work: the talk at youtube.com/watch?v=hhiLw5Q_UFg is listed under two titles (000:196, 001:312).
        merger.ByKey(i => merger._arxiv[i] is null ? WebUrl.Key(items[i].Url) : null, "link");
        merger.ByNearDuplicateTitle();
        var papers = merger._sets.Groups().Select(g => (g, g.Select(i => merger._arxiv[i]).FirstOrDefault(id => id is not null))).ToList();
        return (papers, merger.Conflicts, merger.CopiedLinks);
    }

    /// <summary>
    /// Items sharing a key are one paper when their titles agree or they share an author; an item that agrees with nobody already
    /// holding the key stays apart, loses the key (the first holder keeps it) and is reported.
    /// </summary>
    private void ByKey(Func<int, string?> keyOf, string what)
    {
        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _items.Count; i++)
        {
            if (keyOf(i) is not { Length: > 0 } key) continue;
            if (!holders.TryGetValue(key, out var list))
            {
                holders[key] = [i];
                continue;
            }

            var agreeing = list.FirstOrDefault(j => Agree(i, j), -1);
            if (agreeing >= 0)
            {
                TryUnion(agreeing, i);
                list.Add(i);
                continue;
            }

            if (_sets.Find(i) == _sets.Find(list[0])) continue;
            var arxiv = what == "arXiv id";
            // Which of the two the key is, when their own evidence tells; else the first holder keeps it.
            var owner = !arxiv ? OwnerOfCopiedLink(list[0], i) : list.Count == 1 ? OwnerOfArxivId(list[0], i, key) : -1;
            var loser = owner >= 0 && owner == i ? list[0] : i;
            // The loser's link is the other's page (a copy-paste slip): what is made of it does not take that address either.
            if (owner >= 0 && (!arxiv || string.Equals(ArxivId.Parse(_items[loser].Url), key, StringComparison.Ordinal))) CopiedLinks.Add(loser);
            Conflicts.Add($"{_location(list[0])} and {_location(i)} share the {what} {key} but neither a title nor an author "
                + $"(\"{Snippet(_items[list[0]].Title)}\" / \"{Snippet(_items[i].Title)}\"): kept apart"
                + (owner < 0 ? ""
                    : arxiv ? $"; {_location(loser)} dates itself as an arXiv preprint before the id's year, so the id is {_location(owner)}'s"
                    : $"; the address names the work of {_location(owner)}, so {_location(loser)} keeps neither it nor the venue and year it names"));
            if (arxiv && string.Equals(_arxiv[loser], key, StringComparison.Ordinal))
            {
                _arxiv[loser] = null;
                _arxivOfRoot[_sets.Find(loser)] = Members(_sets.Find(loser)).Select(m => _arxiv[m]).FirstOrDefault(a => a is not null);
                if (loser == list[0]) holders[key] = [i];
            }
        }
    }

    /// <summary>
    /// Of two items with one arXiv id and nothing else in common, the one the id can be: an item that cites itself as an arXiv
    /// preprint of a year before the id's ("… arXiv, 2023." beside 2403.05534, louieworth-newest:73) is not that preprint, since
    /// an id's first digits are its first submission's year and month. -1 when both or neither can be.
    /// </summary>
    private int OwnerOfArxivId(int a, int b, string id)
    {
        var submitted = ArxivId.Year(id);
        bool Predates(int i) => _items[i].Year is { } year && year < submitted && string.Equals(_items[i].Venue, "arXiv", StringComparison.OrdinalIgnoreCase);
        return Predates(a) == Predates(b) ? -1 : Predates(a) ? b : a;
    }

    /// <summary>
    /// Of two items with one link and nothing else in common, the one whose title the address spells out (a proceedings page
    /// named for its paper), when it spells out most of one title and hardly any of the other: the other item's link is a
    /// list's copy-paste slip. -1 when the address does not tell (an address of ids, or both titles in it alike).
    /// </summary>
    private int OwnerOfCopiedLink(int a, int b)
    {
        var url = _items[b].Url;
        var (ofA, ofB) = (LinkEvidence.TitleShareOfAddress(url, _items[a].Title), LinkEvidence.TitleShareOfAddress(url, _items[b].Title));
        return ofA >= 0.6 && ofB <= 0.2 ? a : ofB >= 0.6 && ofA <= 0.2 ? b : -1;
    }

    // A short name beside a full title under one key is an alias (2009.01325 listed as "RLHF" and as "Learning to summarize from
    // human feedback"); two full titles that disagree stay a conflict.
    private bool Agree(int a, int b) =>
        string.Equals(_titleKeys[a], _titleKeys[b], StringComparison.Ordinal)
        || TitleKey.IsShortName(_items[a].Title) || TitleKey.IsShortName(_items[b].Title)
        || Similarity(a, b) >= SharedKeyTitleSimilarity
        || ShareAPerson(_people[a], _people[b]);

    private static bool ShareAPerson(int[] a, int[] b)
    {
        for (int x = 0, y = 0; x < a.Length && y < b.Length;)
        {
            if (a[x] == b[y]) return true;
            if (a[x] < b[y]) x++;
            else y++;
        }

        return false;
    }

    private void ByTitle()
    {
        var first = new Dictionary<(string, WorkFamily), int>();
        for (var i = 0; i < _items.Count; i++)
        {
            if (_titleKeys[i].Length == 0) continue;
            if (first.TryGetValue((_titleKeys[i], _family[i]), out var j)) TryUnion(j, i);
            else first[(_titleKeys[i], _family[i])] = i;
        }
    }

    private void ByNearDuplicateTitle()
    {
        var byAuthor = new Dictionary<int, List<int>>();
        for (var i = 0; i < _items.Count; i++)
        {
            foreach (var person in _people[i])
            {
                if (!byAuthor.TryGetValue(person, out var block)) byAuthor[person] = block = [];
                if (block.Count < MaxNearDuplicateBlock && (block.Count == 0 || block[^1] != i)) block.Add(i);
            }
        }

        foreach (var block in byAuthor.Values)
        {
            for (var x = 0; x < block.Count; x++)
            {
                for (var y = x + 1; y < block.Count; y++)
                {
                    var (a, b) = (block[x], block[y]);
                    var (ra, rb) = (_sets.Find(a), _sets.Find(b));
                    if (ra == rb || Similarity(a, b) < NearDuplicateTitleSimilarity) continue;
                    if (EveryPairHolds(ra, rb)) TryUnion(a, b);
                }
            }
        }
    }

    /// <summary>
    /// Every pair across the two groups must hold on its own: no chain, no mixing kinds of work. A method of its own: as lambdas
    /// in the loop above, their closure was made for every pair compared (250k-item list: 7.6 million, docs/benchmarks.md §13).
    /// </summary>
    private bool EveryPairHolds(int ra, int rb)
    {
        foreach (var m in Members(ra))
        {
            foreach (var o in Members(rb))
            {
                if (_family[m] != _family[o]
                    || (Similarity(m, o) < NearDuplicateTitleSimilarity && !string.Equals(_titleKeys[m], _titleKeys[o], StringComparison.Ordinal)))
                    return false;
            }
        }

        return true;
    }

    /// <summary><see cref="TitleKey.Similarity(HashSet{string}, HashSet{string})"/> of the two titles' words, the same number.</summary>
    private double Similarity(int a, int b)
    {
        var (x, y) = (_titleWords[a] ??= WordIds(_titleKeys[a]), _titleWords[b] ??= WordIds(_titleKeys[b]));
        return TitleKey.Similarity(x, y);
    }

    private int[] WordIds(string titleKey)
    {
        // Word by word on the key itself, looked up as spans: a set of each title's words was most of the merge's garbage
        // here (250k-item list, docs/benchmarks.md §13). The same ids in the same order as the set's, duplicates dropped.
        var lookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = titleKey.AsSpan();
        var ids = new List<int>();
        foreach (var range in key.Split(' '))
        {
            var word = key[range];
            if (word.IsEmpty) continue;
            if (!lookup.TryGetValue(word, out var id)) lookup[word] = id = _wordIds.Count;
            if (!ids.Contains(id)) ids.Add(id);
        }

        var sorted = ids.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    // Two different arXiv ids are two papers, however alike their titles.
    private void TryUnion(int a, int b)
    {
        var (ra, rb) = (_sets.Find(a), _sets.Find(b));
        if (ra == rb) return;
        if (_arxivOfRoot[ra] is { } x && _arxivOfRoot[rb] is { } y && !string.Equals(x, y, StringComparison.Ordinal)) return;
        var root = _sets.Union(ra, rb);
        var other = root == ra ? rb : ra;
        _arxivOfRoot[root] = _arxivOfRoot[ra] ?? _arxivOfRoot[rb];
        if (!_members.Remove(root, out var members)) members = [root];
        if (_members.Remove(other, out var others)) members.AddRange(others);
        else members.Add(other);
        _members[root] = members;
    }

    private IReadOnlyList<int> Members(int root) => _members.TryGetValue(root, out var members) ? members : [root];

    private static WorkFamily FamilyOf(SectionKind kind) => kind switch
    {
        SectionKind.Blogs => WorkFamily.Blog,
        SectionKind.Talks => WorkFamily.Talk,
        SectionKind.Books => WorkFamily.Book,
        SectionKind.Courses => WorkFamily.Course,
        _ => WorkFamily.Paper,
    };

    /// <summary>
    /// What most of a paper's mentions say it is (each mention's kind is its own evidence's, see Formats/ItemEvidence; ties to the
    /// more specific kind); a "Technical Report" title is one; an arXiv preprint is never a blog post, talk or other.
    /// </summary>
    public static PaperKind ChooseKind(IEnumerable<ListItem> items, string? arxivId)
    {
        // One item's vote is the answer, or none is (most papers: the grouping below made objects for each).
        if (items is IReadOnlyList<ListItem> { Count: 1 } one)
        {
            var kind = one[0].Title.Contains("Technical Report", StringComparison.OrdinalIgnoreCase) ? PaperKind.TechnicalReport : KindOf(one[0].SectionKind);
            return arxivId is not null && kind is PaperKind.Talk or PaperKind.BlogPost or PaperKind.Other ? PaperKind.Paper : kind;
        }

        var votes = items.Select(i => i.Title.Contains("Technical Report", StringComparison.OrdinalIgnoreCase) ? PaperKind.TechnicalReport : KindOf(i.SectionKind))
            .Where(k => arxivId is null || k is not (PaperKind.Talk or PaperKind.BlogPost or PaperKind.Other))
            .GroupBy(k => k)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => Array.IndexOf(Specificity, g.Key))
            .Select(g => g.Key);
        return votes.FirstOrDefault(PaperKind.Paper);
    }

    private static readonly PaperKind[] Specificity =
        [PaperKind.TechnicalReport, PaperKind.Survey, PaperKind.Book, PaperKind.Course, PaperKind.Talk, PaperKind.BlogPost, PaperKind.Other, PaperKind.Paper];

    private static PaperKind KindOf(SectionKind kind) => kind switch
    {
        SectionKind.Surveys => PaperKind.Survey,
        SectionKind.Reports => PaperKind.TechnicalReport,
        SectionKind.Blogs => PaperKind.BlogPost,
        SectionKind.Talks => PaperKind.Talk,
        SectionKind.Books => PaperKind.Book,
        SectionKind.Courses => PaperKind.Course,
        SectionKind.Other => PaperKind.Other,
        _ => PaperKind.Paper,
    };

    private static string Snippet(string text) => text.Length <= 50 ? text : text[..50] + "…";
}
