using System.Text;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>Author names: display form, merge key, organisation detection and same-person evidence.</summary>
internal static class PersonName
{
    // PDF-extraction artifacts put a spacing accent before the letter it belongs on: "R´emi Munos" (000:71).
    private static readonly Dictionary<char, char> SpacingToCombining = new()
    {
        ['\u00B4'] = '\u0301', // ´ acute
        ['\u00A8'] = '\u0308', // ¨ diaeresis
        ['\u02C6'] = '\u0302', // ˆ circumflex
        ['\u02DC'] = '\u0303', // ˜ tilde
        ['\u00B8'] = '\u0327', // ¸ cedilla
        ['\u02C7'] = '\u030C', // ˇ caron
    };

    // Organisations credited as authors in the lists ("OpenAI", "Anthropic", "Meta", "Meta AI", "Microsoft", "IBM").
    private static readonly HashSet<string> KnownOrganizations = new(StringComparer.OrdinalIgnoreCase)
    {
        "OpenAI", "Anthropic", "Meta", "Meta AI", "Facebook", "Facebook AI", "DeepMind", "Google", "Google DeepMind", "Google Research",
        "Google Brain", "Microsoft", "Microsoft Research", "IBM", "Hugging Face", "HuggingFace", "Nvidia", "Amazon", "Apple",
        "ByteDance", "Alibaba", "Baidu", "Tencent", "Huawei", "AllenAI", "AI2", "Allen Institute for AI", "EleutherAI", "Stability AI",
        "Cohere", "Mistral AI", "CarperAI", "LAION", "BigScience", "Salesforce", "DeepSeek", "DeepSeek-AI", "Qwen Team", "xAI",
    };

    private static readonly string[] OrganizationWords = ["Team", "Lab", "Labs", "Laboratory", "University", "Institute", "Inc", "Inc.", "Corp", "Corporation", "Foundation", "Research", "&"];

    /// <summary>Display form: accents repaired, NFC, single spaces, no stray leading "and " or trailing punctuation.</summary>
    public static string Clean(string raw)
    {
        // Most names need nothing (250k-item list: 360 MB of builders and copies over an import, docs/benchmarks.md §13).
        if (IsClean(raw)) return raw;
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var ch = raw[i];
            if (SpacingToCombining.TryGetValue(ch, out var combining) && i + 1 < raw.Length && char.IsLetter(raw[i + 1]))
            {
                builder.Append(raw[i + 1]).Append(combining);
                i++;
                continue;
            }

            // "Kianté,Brantley" (001:131): a comma glued between two words is a typo for a space.
            if (ch == ',' && i > 0 && i + 1 < raw.Length && char.IsLetter(raw[i - 1]) && char.IsLetter(raw[i + 1]))
            {
                builder.Append(' ');
                continue;
            }

            // "Jiaxin Wen*, Ruiqi Zhong†": equal-contribution and affiliation marks are not part of a name.
            if (ch is '*' or '†' or '‡' or '§' or '¶') continue;
            builder.Append(ch);
        }

        // ASCII is already in NFC; Normalize (ICU) does not know that and was most of the cleaning (docs/benchmarks.md §13).
        var written = builder.ToString();
        var text = TextNormalization.CollapseWhitespace(Ascii.IsValid(written) ? written : TextNormalization.WithoutLoneSurrogates(written).Normalize(NormalizationForm.FormC));
        if (text.StartsWith("and ", StringComparison.OrdinalIgnoreCase)) text = text[4..];
        return text.TrimEnd('.', ',', ';', ':', ' ').TrimStart(',', ';', ':', ' ');
    }

    /// <summary>
    /// True when <see cref="Clean"/> would give the name back unchanged: ASCII (so no spacing accent, no mark, already NFC),
    /// no comma or asterisk, white space already single spaces, no leading "and " and nothing the ends are trimmed of.
    /// </summary>
    private static bool IsClean(string raw)
    {
        if (raw.Length == 0) return true;
        if (raw[0] is ',' or ';' or ':' || raw[^1] is '.' or ',' or ';' or ':') return false;
        if (raw.StartsWith("and ", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = 0; i < raw.Length; i++)
        {
            var ch = raw[i];
            if (ch == ' ')
            {
                if (i == 0 || i == raw.Length - 1 || raw[i - 1] == ' ') return false;
            }
            else if (!char.IsAscii(ch) || ch is ',' or '*' || char.IsWhiteSpace(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Merge key: case, accents, dots and hyphens folded ("Rémi Munos" = "Remi Munos"; "Christopher D. Manning" = "Christopher D Manning").</summary>
    public static string Key(string name) => TextNormalization.FoldToWords(Clean(name));

    /// <summary>An organisation credited as an author: a known name, or a name with an organisational word ("ByteDance Seed MLSys Team").</summary>
    public static bool IsOrganization(string name)
    {
        var clean = Clean(name);
        if (KnownOrganizations.Contains(clean)) return true;
        // Word by word without splitting: every author of a large import is asked once.
        var rest = clean.AsSpan();
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            foreach (var organizational in OrganizationWords)
            {
                if (word.Equals(organizational, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Strong evidence of one person, for two spellings at the same byline position of the same work:
    /// the same family name, and given names that agree word by word, an initial standing for a name
    /// ("Alex J. Chan" ~ "Alex James Chan"), a middle name present in only one, or a one-letter typo in a
    /// long word. Different family names never match ("Wei Wang" ≁ "Wei Zhang").
    /// </summary>
    public static bool AreCompatible(string a, string b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Length == 0 || y.Length == 0) return false;
        if (!SameWord(x[^1], y[^1], allowInitial: false)) return false;
        var gx = x[..^1];
        var gy = y[..^1];
        if (gx.Length == 0 || gy.Length == 0) return gx.Length == gy.Length;
        if (!SameWord(gx[0], gy[0], allowInitial: true)) return false;
        // Remaining given names: the shorter list must match, in order, a subsequence of the longer.
        var (shorter, longer) = gx.Length <= gy.Length ? (gx, gy) : (gy, gx);
        var j = 1;
        for (var i = 1; i < shorter.Length; i++)
        {
            while (j < longer.Length && !SameWord(shorter[i], longer[j], allowInitial: true)) j++;
            if (j == longer.Length) return false;
            j++;
        }

        return true;
    }

    /// <summary>"et al.", "etc.", "…": a byline cut short, never a person.</summary>
    public static bool IsTruncationMarker(string token)
    {
        var t = TextNormalization.FoldToWords(token);
        return t is "et al" or "etc" or "and others" or "others" || (t.Length == 0 && token.Trim() is "..." or "…");
    }

    private static string[] Tokens(string name) => Key(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool SameWord(string a, string b, bool allowInitial)
    {
        if (a == b) return true;
        if (allowInitial && (a.Length == 1 || b.Length == 1)) return a[0] == b[0];
        return a.Length >= 5 && b.Length >= 5 && WithinOneEdit(a, b);
    }

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
