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
            if (!Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri)
                || !(uri.Host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase)))
                return null;
            var path = Path().Match(uri.AbsolutePath);
            return path.Success ? Canonical(path.Groups["id"].Value) : null;
        }

        var bare = Bare().Match(text);
        return bare.Success ? Canonical(bare.Groups["id"].Value) : null;
    }

    private static string Canonical(string id) => id.ToLowerInvariant();

    // New style YYMM.NNNN(N), old style archive(.SUB)/YYMMNNN; optional vN and .pdf after either.
    [GeneratedRegex(@"^/(?:abs|pdf|html|format)/(?<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex Path();

    [GeneratedRegex(@"^(?:arxiv:\s*)?(?<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Bare();
}
