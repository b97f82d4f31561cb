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
    public static double Similarity(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        var shared = x.Count(y.Contains);
        return 2.0 * shared / (x.Count + y.Count);
    }

    private static HashSet<string> Words(string title) =>
        [.. Of(title).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
