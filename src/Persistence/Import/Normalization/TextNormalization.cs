using System.Globalization;
using System.Text;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>The folding steps every merge key shares, written once.</summary>
internal static class TextNormalization
{
    /// <summary>Removes combining marks after canonical decomposition: "Rémi" → "Remi", "Käser" → "Kaser".</summary>
    public static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) builder.Append(ch);
        }

        return builder.ToString();
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
