using System.Buffers;
using System.Globalization;
using System.Text;
using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>The folding steps every merge key shares, written once.</summary>
internal static class TextNormalization
{
    /// <summary>Removes combining marks after canonical decomposition: "Rémi" → "Remi", "Käser" → "Kaser".</summary>
    public static string RemoveDiacritics(string text)
    {
        // ASCII is its own decomposition and has no marks: most of a list's text, where Normalize (ICU) was the cost of
        // every title, name and search entry folded (docs/benchmarks.md §13).
        if (Ascii.IsValid(text)) return text;
        var decomposed = WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Lone surrogates (half a UTF-16 pair, which a client can write as "\uD83E" in a GraphQL string or JSON) become
    /// U+FFFD, as UTF-8 encoders do: string.Normalize throws on them.
    /// </summary>
    public static string WithoutLoneSurrogates(string text)
    {
        var at = 0;
        for (; at < text.Length; at++)
        {
            if (char.IsSurrogate(text[at]) && !char.IsSurrogatePair(text, at) && !(at > 0 && char.IsSurrogatePair(text, at - 1))) break;
        }

        if (at == text.Length) return text;
        var chars = text.ToCharArray();
        for (var i = at; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    /// <summary>Lower-case letters and digits only, every other run folded to one space, trimmed.</summary>
    /// <remarks>
    /// Every merge key, title key and search entry is folded here (250k-item list: 630 MB of builders and their arrays
    /// over an import, docs/benchmarks.md §13): the result is written into a stack or pooled buffer and made a string once,
    /// and text already folded is returned as it is.
    /// </remarks>
    public static string FoldToWords(string text)
    {
        var plain = RemoveDiacritics(text);
        if (IsFolded(plain)) return plain;
        char[]? rented = null;
        // Folding never lengthens: each letter or digit gives one character, each space stands for at least one other.
        var buffer = plain.Length <= StackLength ? stackalloc char[StackLength] : (rented = ArrayPool<char>.Shared.Rent(plain.Length));
        var length = 0;
        var pendingSpace = false;
        foreach (var ch in plain)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(ch);
            }
            else
            {
                pendingSpace = true;
            }
        }

        var folded = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return folded;
    }

    /// <summary>Runs of white space (any kind) become one space; ends trimmed: the parsers' <see cref="FormatsText.Collapse"/>, which gives text already so back as it is.</summary>
    public static string CollapseWhitespace(string text) => FormatsText.Collapse(text);

    /// <summary>True when <see cref="FoldToWords"/> would give the text back unchanged: lower-case letters and digits, single inner spaces.</summary>
    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ') return false;
            }
            else if (!char.IsLetterOrDigit(ch) || char.ToLowerInvariant(ch) != ch)
            {
                return false;
            }
        }

        return true;
    }

    // Most folded texts (names, titles) fit on the stack; longer ones rent.
    private const int StackLength = 256;
}
