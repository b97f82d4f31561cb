using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Decides who is who. Names are first grouped by their folded key ("Rémi Munos" = "R´emi Munos");
/// two different keys join only on strong evidence: the same byline position of the same work,
/// with names <see cref="PersonName.AreCompatible"/> ("Alex J. Chan" at the place "Alex James Chan" holds).
/// </summary>
internal sealed class AuthorRegistry
{
    private readonly Dictionary<string, int> _idByNameKey = new(StringComparer.Ordinal);
    private readonly List<List<string>> _spellings = [];
    private DisjointSet? _sets;
    private readonly List<(int A, int B)> _evidence = [];
    private Dictionary<int, string>? _authorKeyByRoot;

    // Bylines repeat the same names hundreds of thousands of times in a large import; cleaning and folding each once is most of the saving.
    private readonly Dictionary<string, string> _cleaned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    // What Register answered for each raw name: a second call changes nothing, and the merger, the byline pass and the
    // emitters each register every byline name (250k-item list: Register was the import's hottest method, folding the
    // name twice per call to test it for "et al."; see docs/benchmarks.md §13).
    private readonly Dictionary<string, string?> _registered = new(StringComparer.Ordinal);

    /// <summary><see cref="PersonName.Clean"/>, remembered.</summary>
    public string Clean(string raw)
    {
        if (!_cleaned.TryGetValue(raw, out var clean)) _cleaned[raw] = clean = PersonName.Clean(raw);
        return clean;
    }

    /// <summary><see cref="PersonName.Key"/>, remembered.</summary>
    public string Key(string name)
    {
        if (!_keys.TryGetValue(name, out var key)) _keys[name] = key = PersonName.Key(name);
        return key;
    }

    /// <summary>Cleans a byline name and registers it; null for names that clean to nothing or are truncation markers.</summary>
    public string? Register(string raw)
    {
        if (!_registered.TryGetValue(raw, out var registered)) _registered[raw] = registered = RegisterOnce(raw);
        return registered;
    }

    private string? RegisterOnce(string raw)
    {
        if (PersonName.IsTruncationMarker(raw)) return null;
        var name = Clean(raw);
        if (name.Length == 0 || PersonName.IsTruncationMarker(name)) return null;
        var key = Key(name);
        if (key.Length == 0) return null;
        if (!_idByNameKey.TryGetValue(key, out var id))
        {
            id = _spellings.Count;
            _idByNameKey[key] = id;
            _spellings.Add([]);
        }

        if (!_spellings[id].Contains(name, StringComparer.Ordinal)) _spellings[id].Add(name);
        return name;
    }

    /// <summary>Records that two bylines of one work put these names at the same position.</summary>
    public void SamePosition(string cleanedA, string cleanedB)
    {
        var a = _idByNameKey[Key(cleanedA)];
        var b = _idByNameKey[Key(cleanedB)];
        if (a != b && PersonName.AreCompatible(cleanedA, cleanedB)) _evidence.Add((a, b));
    }

    /// <summary>Builds the authors; call once after every name is registered.</summary>
    public void Complete(ImportGraph graph)
    {
        _sets = new DisjointSet(_spellings.Count);
        foreach (var (a, b) in _evidence) _sets.Union(a, b);
        _authorKeyByRoot = [];
        foreach (var group in _sets.Groups())
        {
            // Most authors are one spelling of one key: that spelling is the name and there are no aliases (a large import has
            // hundreds of thousands of them; the ordering below made each a handful of objects, docs/benchmarks.md §13).
            var spellings = group is [var only] && _spellings[only].Count == 1 ? null
                : group.SelectMany(i => _spellings[i]).Distinct(StringComparer.Ordinal).ToList();
            var name = spellings?.OrderByDescending(Richness).ThenBy(s => s, StringComparer.Ordinal).First() ?? _spellings[group[0]][0];
            var key = Key(name);
            _authorKeyByRoot[group[0]] = key;
            graph.Authors.Add(new Author
            {
                Key = key,
                Name = name,
                Kind = PersonName.IsOrganization(name) ? AuthorKind.Organization : AuthorKind.Person,
            });
            if (spellings is null) continue;
            foreach (var alias in spellings.Where(s => !string.Equals(s, name, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                graph.AuthorAliases.Add((key, alias));
        }
    }

    /// <summary>The author key a registered (cleaned) name resolved to.</summary>
    public string AuthorKeyOf(string cleanedName)
    {
        if (_sets is null || _authorKeyByRoot is null) throw new InvalidOperationException("Complete() first.");
        return _authorKeyByRoot[_sets.Find(_idByNameKey[Key(cleanedName)])];
    }

    /// <summary>
    /// Each name as a byline wrote it, with the key of the author it resolved to (null for names that are no author:
    /// truncation markers, names that clean to nothing); call after <see cref="Complete"/>, when every name is registered.
    /// </summary>
    public Dictionary<string, string?> AuthorKeysByWrittenName()
    {
        var keys = new Dictionary<string, string?>(_registered.Count, StringComparer.Ordinal);
        foreach (var (raw, name) in _registered) keys[raw] = name is null ? null : AuthorKeyOf(name);
        return keys;
    }

    // The fullest spelling wins: expanded given names beat initials, real accents beat their absence.
    private static int Richness(string name)
    {
        var richness = name.Length * 2;
        foreach (var ch in name)
        {
            if (ch > 127) richness++;
            else if (ch == '.') richness--;
        }

        return richness;
    }
}
