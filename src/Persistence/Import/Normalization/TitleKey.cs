namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>Title matching: exact after folding, or near-identical by shared words.</summary>
internal static class TitleKey
{
    /// <summary>Case, punctuation, whitespace and diacritics folded away: "Rank Responses…without tears" matches in any spelling of those.</summary>
    public static string Of(string title) => TextNormalization.FoldToWords(title);

    /// <summary>
    /// Dice coefficient of the two titles' word sets, 0..1. "Beyond One-Preference-for-All: Multi-Objective
    /// Direct Preference Optimization for Language Models" and "Beyond One-Preference-Fits-All Alignment:
    /// Multi-Objective Direct Preference Optimization" (one paper, 2310.03708) score 0.76.
    /// </summary>
    public static double Similarity(string a, string b) => Similarity(Words(a), Words(b));

    /// <summary>The same, over word sets made once by <see cref="Words"/>: a prolific author's titles are compared pairwise.</summary>
    public static double Similarity(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = 0;
        foreach (var word in x)
        {
            if (y.Contains(word)) shared++;
        }

        return 2.0 * shared / (x.Count + y.Count);
    }

    /// <summary>
    /// The same over the words as distinct ids in ascending order (one id per word, however made): one walk along both, no
    /// hashing, for the merger's pairwise comparisons of a prolific author's titles.
    /// </summary>
    public static double Similarity(int[] x, int[] y)
    {
        if (x.Length == 0 || y.Length == 0) return 0;
        var shared = 0;
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * shared / (x.Length + y.Length);
    }

    /// <summary>
    /// A short name of a work rather than its title: one to three words without a colon ("InstructGPT", "DPO", "HIR", "RLHF",
    /// "Direct Preference Optimization"). Sharing an arXiv id with a full title, it is that paper's alias, not a conflicting title.
    /// </summary>
    public static bool IsShortName(string title)
    {
        // On spans: the paper emitter asks it of every item (250k-item list: a split per item, docs/benchmarks.md §13).
        var trimmed = title.AsSpan().Trim();
        // "通向AGI之路：大型语言模型 (LLM) 技术精要" has no spaces between its words but is a full title: length and a full-width colon tell.
        if (trimmed.Length is 0 or > 40 || trimmed.Contains(':') || trimmed.Contains('：')) return false;
        var words = 0;
        foreach (var range in trimmed.Split(' '))
        {
            if (trimmed[range].Length > 0) words++;
        }

        return words <= 3;
    }

    /// <summary>A title's folded words.</summary>
    public static HashSet<string> Words(string title) => WordsOfKey(Of(title));

    /// <summary>The words of a key <see cref="Of"/> already made.</summary>
    public static HashSet<string> WordsOfKey(string key) =>
        new(key.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
