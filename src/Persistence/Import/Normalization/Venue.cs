using System.Globalization;
using System.Text.RegularExpressions;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Venues as lists write them: a link labelled with a venue (`` `2024` [[ICLR](…)] ``), a venue in parentheses
/// ("(NeurIPS 2023)"), a venue line under an item ("CVPR 2024"), and the venue a proceedings link names
/// (openaccess.thecvf.com/content/CVPR2024/…, proceedings.neurips.cc/…/2023/…, proceedings.mlr.press/v235/…, aclanthology.org/2025.emnlp-demos.48).
/// </summary>
internal static partial class Venue
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NeurIPS"] = "NeurIPS", ["NIPS"] = "NeurIPS", ["ICML"] = "ICML", ["ICLR"] = "ICLR", ["ACL"] = "ACL", ["EMNLP"] = "EMNLP",
        ["NAACL"] = "NAACL", ["AAAI"] = "AAAI", ["IJCAI"] = "IJCAI", ["CVPR"] = "CVPR", ["ICCV"] = "ICCV", ["ECCV"] = "ECCV",
        ["WACV"] = "WACV", ["CoRL"] = "CoRL", ["COLM"] = "COLM", ["TMLR"] = "TMLR", ["JMLR"] = "JMLR", ["AISTATS"] = "AISTATS",
        ["UAI"] = "UAI", ["KDD"] = "KDD", ["WWW"] = "WWW", ["SIGIR"] = "SIGIR", ["COLING"] = "COLING", ["EACL"] = "EACL",
        ["RSS"] = "RSS", ["ICRA"] = "ICRA", ["IROS"] = "IROS", ["TPAMI"] = "TPAMI", ["SIGGRAPH"] = "SIGGRAPH", ["ACM MM"] = "ACM MM",
        ["Findings"] = "Findings", ["arXiv"] = "arXiv", ["Nature"] = "Nature", ["Science"] = "Science",
    };

    // PMLR volumes of ICML (proceedings.mlr.press/v235/… is ICML 2024).
    private static readonly Dictionary<int, int> IcmlVolumes = new()
    {
        [70] = 2017, [80] = 2018, [97] = 2019, [119] = 2020, [139] = 2021, [162] = 2022, [202] = 2023, [235] = 2024, [267] = 2025,
    };

    /// <summary>The canonical name of a venue label ("NIPS" → "NeurIPS", "ICLR" → "ICLR"), or null when the text is no venue.</summary>
    public static string? Name(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var text = label.Trim().Trim('[', ']', '*', '_', ' ');
        return Canonical.GetValueOrDefault(text);
    }

    /// <summary>
    /// A venue with an optional year that is the whole text: "CVPR 2024", "NeurIPS 2023", "ICLR'24", "ICML", "(NeurIPS 2023)".
    /// Workshops and tracks keep their venue ("NeurIPS 2023 Workshop" → NeurIPS).
    /// </summary>
    public static (string Venue, int? Year)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = VenueAndYear().Match(text.Trim().Trim('(', ')', '[', ']', '*', '_', '.', ' '));
        if (!m.Success || Name(m.Groups["venue"].Value) is not { } venue) return null;
        return (venue, YearOf(m.Groups["year"].Value));
    }

    /// <summary>"(NeurIPS 2023)" or "(ICLR)" anywhere in a text.</summary>
    public static (string Venue, int? Year)? InParentheses(string? text)
    {
        // Most titles have no parenthesis, and a MatchCollection was made for each (250k-item list: 27 MB).
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('(', StringComparison.Ordinal)) return null;
        foreach (Match m in Parenthesized().Matches(text))
        {
            if (Parse(m.Groups[1].Value) is { } found) return found;
        }

        return null;
    }

    /// <summary>The venue and year a proceedings link names, or null for any other link.</summary>
    public static (string Venue, int Year)? OfUrl(string? url)
    {
        if (url is null || !AbsoluteUri.TryCreate(url.Trim(), out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        if (host == "openaccess.thecvf.com" && CvfPath().Match(path) is { Success: true } cvf)
            return (Name(cvf.Groups["venue"].Value) ?? cvf.Groups["venue"].Value.ToUpperInvariant(), int.Parse(cvf.Groups["year"].Value, CultureInfo.InvariantCulture));
        if (host is "proceedings.neurips.cc" or "papers.nips.cc" or "papers.neurips.cc" && NeuripsPath().Match(path) is { Success: true } nips)
            return ("NeurIPS", int.Parse(nips.Groups["year"].Value, CultureInfo.InvariantCulture));
        if (host == "proceedings.mlr.press" && PmlrPath().Match(path) is { Success: true } pmlr
            && IcmlVolumes.TryGetValue(int.Parse(pmlr.Groups["volume"].Value, CultureInfo.InvariantCulture), out var icml))
            return ("ICML", icml);
        if (host is "aclanthology.org" or "www.aclweb.org" or "aclweb.org" && AclPath().Match(path) is { Success: true } acl
            && Name(acl.Groups["venue"].Value) is { } aclVenue)
            return (aclVenue, int.Parse(acl.Groups["year"].Value, CultureInfo.InvariantCulture));
        return null;
    }

    private static int? YearOf(string digits) => digits.Length switch
    {
        4 => int.Parse(digits, CultureInfo.InvariantCulture),
        2 => 2000 + int.Parse(digits, CultureInfo.InvariantCulture),
        _ => null,
    };

    [GeneratedRegex(@"^(?<venue>[A-Za-z][A-Za-z ]{1,15}?)(?:\s*['’]?\s*(?<year>(?:19|20)\d\d|\d\d))?(?:\s+(?:workshop|oral|spotlight|poster|findings|main|demo)s?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex VenueAndYear();

    [GeneratedRegex(@"\(([^()]{2,40})\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"^/content(?:_|/)(?<venue>CVPR|ICCV|WACV|ECCV)_?(?<year>20\d\d)", RegexOptions.IgnoreCase)]
    private static partial Regex CvfPath();

    [GeneratedRegex(@"/(?<year>(?:19|20)\d\d)/")]
    private static partial Regex NeuripsPath();

    [GeneratedRegex(@"^/v(?<volume>\d+)/")]
    private static partial Regex PmlrPath();

    [GeneratedRegex(@"^/(?<year>20\d\d)\.(?<venue>[a-z]+)-", RegexOptions.IgnoreCase)]
    private static partial Regex AclPath();
}
