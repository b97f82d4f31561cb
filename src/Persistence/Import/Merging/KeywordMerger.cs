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

    /// <summary>The keyword's key for this spelling, registering it; null when the spelling has no words.</summary>
    public string? Add(string raw, KeywordCategory category)
    {
        var name = raw.Trim().TrimEnd('.', ',', ';').Trim();
        var folded = Fold(name);
        if (folded.Length == 0) return null;
        var key = $"{category.ToString().ToLowerInvariant()}:{folded}";
        if (key.Length > 450) key = key[..450];
        if (!_keywords.ContainsKey(key))
        {
            var keyword = new Keyword { Key = key, Name = name, Category = category };
            _keywords[key] = keyword;
            _spellings[key] = new Dictionary<string, int>(StringComparer.Ordinal);
            graph.Keywords.Add(keyword);
        }

        var counts = _spellings[key];
        counts[name] = counts.GetValueOrDefault(name) + 1;
        return key;
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
