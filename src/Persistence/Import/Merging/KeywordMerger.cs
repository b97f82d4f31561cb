using System.Runtime.InteropServices;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Which keyword spellings are one keyword: case, punctuation and a plural "s" do not matter ("LLM"/"LLMs",
/// "Diffusion Model"/"Diffusion Models", "reward shaping"/"Reward Shaping"), within one category (topic, environment, task).
/// The keyword is named by its most used spelling, the first one seen on a tie.
/// </summary>
internal sealed class KeywordMerger(ImportGraph graph)
{
    private readonly Dictionary<string, Keyword> _keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _spellings = new(StringComparer.Ordinal);

    // Each written keyword and category resolved once: a large import repeats a few thousand keywords on every item (250k-item
    // list: 240 MB of keys built again per mention, docs/benchmarks.md §13).
    private readonly Dictionary<(string Raw, KeywordCategory Category), (string? Key, string Name)> _resolved = [];

    /// <summary>The keyword's key for this spelling, registering it; null when the spelling has no words.</summary>
    public string? Add(string raw, KeywordCategory category)
    {
        ref var resolved = ref CollectionsMarshal.GetValueRefOrAddDefault(_resolved, (raw, category), out var known);
        if (!known) resolved = Resolve(raw, category);
        if (resolved.Key is not { } key) return null;
        CollectionsMarshal.GetValueRefOrAddDefault(_spellings[key], resolved.Name, out _)++;
        return key;
    }

    /// <summary>The key and the spelling's name, registering the keyword the first time its key is seen.</summary>
    private (string? Key, string Name) Resolve(string raw, KeywordCategory category)
    {
        var name = raw.Trim().TrimEnd('.', ',', ';').Trim();
        var folded = Fold(name);
        if (folded.Length == 0) return (null, name);
        var key = $"{category.ToString().ToLowerInvariant()}:{folded}";
        if (key.Length > 450) key = key[..450];
        if (!_keywords.ContainsKey(key))
        {
            var keyword = new Keyword { Key = key, Name = name, Category = category };
            _keywords[key] = keyword;
            _spellings[key] = new Dictionary<string, int>(StringComparer.Ordinal);
            graph.Keywords.Add(keyword);
        }

        return (key, name);
    }

    /// <summary>Names every keyword after its most used spelling.</summary>
    public void Complete()
    {
        foreach (var (key, keyword) in _keywords)
        {
            // Dictionary keeps insertion order for added-only entries, so the first spelling wins a tie.
            keyword.Name = _spellings[key].OrderByDescending(s => s.Value).First().Key;
        }
    }

    /// <summary>The folded words, each without a plural "s" ("llms" → "llm"; "ss", "us" and "is" endings stay: "loss", "corpus", "analysis").</summary>
    internal static string Fold(string name) =>
        string.Join(' ', TitleKey.Of(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular));

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal) ? word[..^1] : word;
}
