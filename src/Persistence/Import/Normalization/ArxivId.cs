using System.Text.RegularExpressions;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Canonical arXiv ids. The lists link one paper as abs/2305.18290, /pdf/2312.10584.pdf,
/// abs/2312.00886v2, export.arxiv.org/abs/2310.10477 or browse.arxiv.org/…; all are one id.
/// </summary>
internal static partial class ArxivId
{
    /// <summary>The id without version ("2305.18290", "cs/0601001"), or null when the text holds none.</summary>
    public static string? Parse(string? urlOrId)
    {
        if (string.IsNullOrWhiteSpace(urlOrId)) return null;
        var text = urlOrId.Trim();
        var isUrl = text.Contains("://", StringComparison.Ordinal) || text.StartsWith("arxiv.org", StringComparison.OrdinalIgnoreCase);
        if (isUrl)
        {
            if (!AbsoluteUri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, out var uri)
                || !(uri.Host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase)))
                return null;
            var path = uri.AbsolutePath;
            return Path().IsMatch(path) ? Canonical(IdIn(path)) : null;
        }

        var bare = Bare().Match(text);
        return bare.Success ? Canonical(bare.Groups["id"].Value) : null;
    }

    /// <summary>The year of an id's first submission ("2403.05534" → 2024, "hep-th/9901001" → 1999), null for none.</summary>
    public static int? Year(string? id)
    {
        if (id is null) return null;
        var digits = id.Contains('/', StringComparison.Ordinal) ? id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..] : id;
        if (digits.Length < 2 || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[1])) return null;
        var yy = ((digits[0] - '0') * 10) + (digits[1] - '0');
        return yy >= 90 ? 1900 + yy : 2000 + yy;
    }

    private static string Canonical(string id) => id.ToLowerInvariant();

    /// <summary>
    /// The id group of a path that <see cref="Path"/> matched, read from the path rather than from a Match and its groups (250k-item
    /// list: every paper's address is asked, ~40 MB of Match, Group and int[] in the parse and as much again in the merge). The id
    /// starts after "/abs/" (pdf, html, format); a new-style id is four digits, the dot and every digit after it (the pattern takes
    /// four or five, and what follows them is never a digit), an old-style one ("cs/0601001") runs to the seven digits after its '/'.
    /// </summary>
    internal static string IdIn(string path)
    {
        var start = path.IndexOf('/', 1) + 1;
        if (!char.IsDigit(path[start])) return path.Substring(start, path.IndexOf('/', start) - start + 8);
        var end = start + 5;
        while (end < path.Length && char.IsDigit(path[end])) end++;
        return path[start..end];
    }

    // New style YYMM.NNNN(N), old style archive(.SUB)/YYMMNNN; optional vN and .pdf after either.
    [GeneratedRegex(@"^/(?:abs|pdf|html|format)/(?<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Path();

    [GeneratedRegex(@"^(?:arxiv:\s*)?(?<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Bare();
}
