namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Whether a piece of flattened text reads as a list of author names. In 003 this is what tells an
/// author line from the second half of a title that itself contains " - " ("PaLM + RLHF - Pytorch - Phil Wang, …").
/// </summary>
internal static partial class NameList
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "bin", "al", "y", "dos", "das", "ter", "zu",
    };

    /// <summary>Names for sure: several names separated by commas (an "et al." allowed), or one two-to-four-word name.</summary>
    public static bool IsStrong(string text)
    {
        var parts = Parts(text);
        if (parts.Count == 0) return false;
        // "Kimin Lee, Hao liu, MoonKyung Ryu, …" (003): one name typed carelessly among many well-formed ones is still a byline.
        var careless = parts.Count(p => !IsName(p));
        if (careless > 0 && !(careless == 1 && parts.Count >= 3 && parts.All(p => IsName(p) || IsCarelessName(p)))) return false;
        return parts.Count >= 2 || (Words(parts[0]).Length is >= 2 and <= 4) || text.Contains("et al", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Names or a credited organisation or handle: "Thomfoster", "Microsoft", "Meta AI".</summary>
    public static bool IsPlausible(string text) =>
        IsStrong(text) || (Parts(text) is [var single] && Words(single).Length <= 3 && Words(single).All(w => char.IsUpper(w[0]) || char.IsDigit(w[0])));

    private static List<string> Parts(string text)
    {
        // "Kianté,Brantley" (001:131, 003): a comma glued between two words stands for a space.
        var line = GluedComma().Replace(text.Trim().TrimEnd('.'), " ");
        // "ByteDance Seed MLSys Team & HKU: Guangming Sheng, Chi Zhang, …": a team, then its people.
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0) line = line[(colon + 2)..];
        var etAl = line.IndexOf("et al", StringComparison.OrdinalIgnoreCase);
        if (etAl >= 0) line = line[..etAl];
        return [.. line.Split([", ", " and "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.StartsWith("and ", StringComparison.Ordinal) ? p[4..] : p)
            .Where(p => p.Length > 0)];
    }

    private static string[] Words(string part) => part.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsName(string part)
    {
        var words = Words(part);
        if (words.Length is 0 or > 5) return false;
        foreach (var word in words)
        {
            if (Particles.Contains(word)) continue;
            if (!char.IsUpper(word[0]) || word.Any(char.IsDigit) || word.Contains(':', StringComparison.Ordinal)) return false;
            if (word.Any(c => !(char.IsLetter(c) || c is '.' or '-' or '\'' or '´' or '’'))) return false;
        }

        return true;
    }

    /// <summary>A two- or three-word name whose family name lost its capital ("Hao liu").</summary>
    private static bool IsCarelessName(string part)
    {
        var words = Words(part);
        return words.Length is 2 or 3 && IsName(string.Join(' ', words[..^1])) && words[^1].All(char.IsLetter) && char.IsLower(words[^1][0]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L}),(?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex GluedComma();
}
