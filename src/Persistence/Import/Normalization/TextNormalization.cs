using System.Globalization;
using System.Text;

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
    public static string FoldToWords(string text)
    {
        var plain = RemoveDiacritics(text);
        var builder = new StringBuilder(plain.Length);
        var pendingSpace = false;
        foreach (var ch in plain)
        {
            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Runs of white space (any kind) become one space; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(ch);
        }

        return builder.ToString();
    }
}
