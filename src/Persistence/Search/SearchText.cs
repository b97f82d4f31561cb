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

    /// <summary>Folds stored text: the same rules as queries, padded so " word " matches whole words.</summary>
    internal static string Pad(IEnumerable<string?> parts) => Pad(parts, Fold);

    /// <summary>As <see cref="Pad(IEnumerable{string?})"/>, with <paramref name="fold"/> giving <see cref="Fold"/>'s answer (from a cache).</summary>
    internal static string Pad(IEnumerable<string?> parts, Func<string, string> fold)
    {
        var words = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => fold(p!)).Where(p => p.Length > 0));
        return $" {words} ";
    }

    internal static string Fold(string text) => TextNormalization.FoldToWords(text);
}
