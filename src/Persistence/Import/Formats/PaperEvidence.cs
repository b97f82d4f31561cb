using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// What makes a list entry a paper rather than any link: a link to where papers live (arXiv, DOI, OpenReview,
/// ACL Anthology, proceedings, a PDF), a venue with a year, or a byline. A company homepage ("[Anthropic](https://www.anthropic.com/)")
/// or a Wikipedia article under a "Papers"-less heading is none of these.
/// </summary>
internal static class PaperEvidence
{
    private static readonly string[] PaperHosts =
    [
        "arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "aclweb.org", "proceedings.", "papers.nips.cc", "neurips.cc",
        "openaccess.thecvf.com", "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "jmlr.org", "mlr.press", "ojs.aaai.org",
        "semanticscholar.org", "sciencedirect.com", "nature.com", "science.org", "biorxiv.org", "ssrn.com", "researchgate.net",
    ];

    // '.' + host made once, not for every host of every link asked (250k-item list); a loop, not a closure per link.
    private static readonly string[] DottedPaperHosts = [.. PaperHosts.Select(h => '.' + h)];

    /// <summary>A link to a paper's page or its PDF.</summary>
    public static bool IsPaperLink(string? url)
    {
        if (url is null || !AbsoluteUri.TryCreate(url.Trim(), out var uri)) return false;
        var host = uri.Host.ToLowerInvariant();
        for (var i = 0; i < PaperHosts.Length; i++)
        {
            var (h, dotted) = (PaperHosts[i], DottedPaperHosts[i]);
            if (h.EndsWith('.') ? host.StartsWith(h, StringComparison.Ordinal) || host.Contains(dotted, StringComparison.Ordinal) : host == h || host.EndsWith(dotted)) return true;
        }

        return uri.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
    }

    public static bool Holds(ListItem item) =>
        IsPaperLink(item.Url) || item.Links.Any(l => IsPaperLink(l.Url)) || item.ArxivId is not null
        || (item.Venue is not null && item.Year is not null) || item.People.Count > 0;
}
