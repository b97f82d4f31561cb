using System.Text;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Search;

/// <summary>
/// User input folded the way entries are: lower case, accents removed, punctuation as spaces
/// ("HH-RLHF" → "hh", "rlhf"). What is left is letters and digits only, so a token can be put in
/// quotes or a LIKE pattern without any escaping question.
/// </summary>
public sealed class SearchText
{
    /// <summary>More words than this add nothing to ranking and only cost work.</summary>
    public const int MaxTokens = 12;

    private SearchText(string folded, IReadOnlyList<string> tokens)
    {
        Folded = folded;
        Tokens = tokens;
    }

    /// <summary>The tokens joined by single spaces.</summary>
    public string Folded { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public static SearchText Parse(string text)
    {
        var tokens = Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxTokens).ToList();
        return new SearchText(string.Join(' ', tokens), tokens);
    }

    /// <summary>
    /// Folds stored text: the same rules as queries, padded so " word " matches whole words. Each part counts once, whatever
    /// its case (the first spelling kept); blank parts and parts that fold to nothing are left out. <paramref name="fold"/>
    /// gives <see cref="Fold"/>'s answer (from a cache).
    /// </summary>
    /// <remarks>
    /// A loop and one builder per thread rather than a query of sets and iterators: every paper, author, codebase and dataset
    /// has two of these (250k-item list: 1.1 GB of garbage for 1.6 million texts, docs/benchmarks.md §13).
    /// </remarks>
    internal static string Pad(IReadOnlyList<string?> parts, Func<string, string> fold)
    {
        var text = (padding ??= new StringBuilder()).Clear().Append(' ');
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not { } part || string.IsNullOrWhiteSpace(part) || SeenBefore(parts, i)) continue;
            var folded = fold(part);
            if (folded.Length == 0) continue;
            if (text.Length > 1) text.Append(' ');
            text.Append(folded);
        }

        return text.Append(' ').ToString();
    }

    // Parts are a handful per entry: looking back is cheaper than a set.
    private static bool SeenBefore(IReadOnlyList<string?> parts, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(parts[j], parts[index], StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    [ThreadStatic]
    private static StringBuilder? padding;

    internal static string Fold(string text) => TextNormalization.FoldToWords(text);
}
