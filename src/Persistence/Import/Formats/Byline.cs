using System.Globalization;
using System.Text.RegularExpressions;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>An author line taken apart: names in order, whether it was cut short, and the venue and year it ends with.</summary>
internal sealed partial record Byline(IReadOnlyList<string> People, bool Truncated, string? Venue, int? Year)
{
    private static readonly HashSet<string> KnownVenues = new(StringComparer.OrdinalIgnoreCase)
    {
        "arXiv", "NeurIPS", "NIPS", "ICML", "ICLR", "ACL", "EMNLP", "NAACL", "AAAI", "IJCAI", "CVPR", "ICCV", "ECCV", "CoRL", "COLM",
        "TMLR", "JMLR", "Nature", "Science", "AISTATS", "UAI", "KDD", "WWW", "SIGIR", "COLING", "EACL", "RSS", "ICRA", "IROS",
    };

    /// <summary>
    /// Reads "A, B, Christopher D. Manning, C. NeurIPS, 2023." and its variants: venue after the last
    /// sentence break ("NeurIPS 2023." without comma, "arXiv, 2023"), a venue after a comma when it is a
    /// known one ("…, Hongyang Zhang, arXiv, 2023."), a month before the year ("Yoav Goldberg, April 2023."),
    /// "and" before the last name, "et al." anywhere, and "Last, First and Last, First" bylines (001:295).
    /// With <paramref name="lastPartIsVenue"/> (talks, blogs) "Nathan Lambert, Hugging Face, 2022." names its venue too.
    /// </summary>
    public static Byline Parse(string text, bool lastPartIsVenue = false)
    {
        var rest = FormatsText.Collapse(text).TrimEnd('.', ' ');
        int? year = null;
        var yearMatch = TrailingYear().Match(rest);
        if (yearMatch.Success)
        {
            year = int.Parse(yearMatch.Groups["year"].Value, CultureInfo.InvariantCulture);
            rest = rest[..yearMatch.Index].TrimEnd(',', ' ', '.');
        }

        string? venue = null;
        var breakAt = LastSentenceBreak(rest);
        if (breakAt > 0)
        {
            venue = rest[(breakAt + 2)..].Trim().TrimEnd(',');
            rest = rest[..breakAt];
        }
        else
        {
            var lastComma = rest.LastIndexOf(", ", StringComparison.Ordinal);
            if (lastComma > 0)
            {
                var last = rest[(lastComma + 2)..].Trim();
                if (KnownVenues.Contains(last) || last.Contains(" blog", StringComparison.OrdinalIgnoreCase) || lastPartIsVenue)
                {
                    venue = last;
                    rest = rest[..lastComma];
                }
            }
        }

        var (people, truncated) = SplitPeople(rest);
        return new Byline(people, truncated, string.IsNullOrWhiteSpace(venue) ? null : venue, year);
    }

    /// <summary>Names of a plain author line (no venue, no year): "Long Ouyang, Jeff Wu, Xu Jiang, et al.".</summary>
    public static (IReadOnlyList<string> People, bool Truncated) SplitPeople(string text) => SplitPeople(text, null);

    /// <summary><see cref="SplitPeople(string)"/> with every name the pool's one string for it.</summary>
    public static (List<string> People, bool Truncated) SplitPeople(string text, StringPool? pool)
    {
        var people = new List<string>();
        var truncated = AddPeople(text, pool, people);
        return (people, truncated);
    }

    /// <summary>
    /// <see cref="SplitPeople(string)"/>'s names added to <paramref name="people"/>, each the pool's one string for it, and whether the
    /// line was cut short. The names are read from the line in place (a field line in its rented buffer) and made into strings only
    /// when the pool has none (250k-item list: 95 MB of strings and 86 MB of split arrays, most names repeats).
    /// </summary>
    public static bool AddPeople(ReadOnlySpan<char> text, StringPool? pool, List<string> people)
    {
        var truncated = false;
        var line = (FormatsText.IsCollapsed(text) ? text : FormatsText.Collapse(text.ToString())).Trim().TrimEnd(".,");
        var etAl = EtAl().EnumerateMatches(line);
        if (etAl.MoveNext())
        {
            truncated = true;
            line = line[..etAl.Current.Index].TrimEnd(", ");
        }

        // "ByteDance Seed MLSys Team & HKU: Guangming Sheng, Chi Zhang, …" (003): the team is credited first, then its people.
        var team = line.IndexOf(": ", StringComparison.Ordinal);
        if (team > 0)
        {
            people.Add(Pooled(line[..team].Trim(), pool));
            return AddPeople(line[(team + 2)..], pool, people) || truncated;
        }

        // "Ethayarajh, Kawin and Zhang, Heidi and Wang, Yizhong": Last, First pairs joined by "and".
        if (line.Contains(" and ", StringComparison.Ordinal))
        {
            var pairs = line.ToString().Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (pairs.Length > 1 && pairs.All(p => p.Count(c => c == ',') == 1))
            {
                var reordered = pairs.Select(p => p.Split(',', 2, StringSplitOptions.TrimEntries)).ToList();
                if (reordered.All(r => r.Length == 2 && r[0].Length > 0 && r[1].Length > 0 && !r[1].Contains(' ', StringComparison.Ordinal)))
                {
                    people.AddRange(reordered.Select(r => Pooled($"{r[1]} {r[0]}", pool)));
                    return truncated;
                }
            }
        }

        // As line.Split(", ") and each part's Split(" and "), entries trimmed and empty ones dropped.
        foreach (var partRange in line.Split(", "))
        {
            var part = line[partRange].Trim();
            foreach (var nameRange in part.Split(" and "))
            {
                var name = part[nameRange].Trim();
                var clean = name.StartsWith("and ", StringComparison.OrdinalIgnoreCase) ? name[4..].Trim() : name;
                if (clean.Length > 0) people.Add(Pooled(clean, pool));
            }
        }

        return truncated;
    }

    private static string Pooled(ReadOnlySpan<char> name, StringPool? pool) => pool is null ? name.ToString() : pool.Get(name);

    /// <summary>
    /// The ". " that separates names from the venue, never the one after an initial ("Christopher D. Manning").
    /// Only a single letter is an initial: two-letter surnames end bylines often ("Ziniu Li, Tian Xu, Yang Yu. arXiv, 2023.", 000:51).
    /// </summary>
    private static int LastSentenceBreak(string text)
    {
        for (var i = text.LastIndexOf(". ", StringComparison.Ordinal); i > 0; i = i > 1 ? text.LastIndexOf(". ", i - 1, StringComparison.Ordinal) : -1)
        {
            var wordStart = text.LastIndexOfAny([' ', ','], i - 1) + 1;
            var word = text[wordStart..i];
            if (word.Length > 1) return i;
        }

        return -1;
    }

    [GeneratedRegex(@",?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?(?<year>(?:19|20)\d\d)$")]
    private static partial Regex TrailingYear();

    [GeneratedRegex(@",?\s*\bet\s*al\b\.?.*$|,?\s*\betc\b\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex EtAl();
}
