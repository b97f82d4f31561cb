namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Dataset names: case, spacing and punctuation folded, and the alias groups the lists use
/// ("CNN/DM" at 001:212 and "CNN Daily Mail" at 001:135 are one dataset).
/// </summary>
internal static class DatasetName
{
    private static readonly (string Canonical, string[] Aliases)[] Groups =
    [
        ("CNN/DailyMail", ["CNN/DM", "CNN Daily Mail", "CNN-DailyMail", "CNN DailyMail", "CNN/Daily Mail"]),
        ("TL;DR", ["TLDR", "Reddit TL;DR", "Reddit TLDR"]),
        ("HH-RLHF", ["Anthropic HH", "Anthropic HH-RLHF", "Anthropic Helpful and Harmless"]),
        ("Stanford Human Preferences Dataset (SHP)", ["SHP", "Stanford Human Preferences Dataset", "Stanford Human Preferences DatasetSHP", "Stanford Human Preferences Dataset(SHP)"]),
        ("SST-2", ["stanfordnlp/sst2", "SST2"]),
    ];

    private static readonly Dictionary<string, (string Key, string Canonical)> ByAlias = BuildAliases();

    /// <summary>The canonical spelling for a known alias group, else the name as written (trimmed).</summary>
    public static string Canonical(string name)
    {
        var clean = TextNormalization.CollapseWhitespace(name).Trim().TrimEnd('.', ',', ';');
        return ByAlias.TryGetValue(Compact(clean), out var known) ? known.Canonical : clean;
    }

    /// <summary>Merge key: the alias group's key, else the name with case, spacing and punctuation removed.</summary>
    public static string Key(string name)
    {
        var compact = Compact(name);
        return ByAlias.TryGetValue(compact, out var known) ? known.Key : compact;
    }

    private static string Compact(string name) => TextNormalization.FoldToWords(name).Replace(" ", "", StringComparison.Ordinal);

    private static Dictionary<string, (string, string)> BuildAliases()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (canonical, aliases) in Groups)
        {
            var key = Compact(canonical);
            map[key] = (key, canonical);
            foreach (var alias in aliases) map[Compact(alias)] = (key, canonical);
        }

        return map;
    }
}
