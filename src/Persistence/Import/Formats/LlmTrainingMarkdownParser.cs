using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// "Awesome llm training" (004): `- **Title**, `arXiv, 2310.16944`, [arxiv](…), [pdf](…), cication: [**N**](…)`
/// over a tab-indented `*Author, Author* · ([site](link) - org)` line; plain `- [Title](link)` items;
/// Projects as `[**name**](link) - org` over an italic description.
/// </summary>
internal sealed partial class LlmTrainingMarkdownParser : IListParser
{
    public string Format => "llm-training-markdown";

    public ParsedList Parse(string source, string text)
    {
        var items = new List<ListItem>();
        var skipped = new List<SkippedItem>();
        foreach (var entry in MarkdownEntries.Read(text))
        {
            if (!entry.HasTitle)
            {
                skipped.Add(new SkippedItem(source, entry.Line, $"no title: \"{LouieworthMarkdownParser.Snippet(MarkdownInlines.Text(entry.Head))}\""));
                continue;
            }

            var item = ReadHead(source, entry);
            if (item.Title.Length == 0)
            {
                skipped.Add(new SkippedItem(source, entry.Line, "the title has no text"));
                continue;
            }

            items.Add(entry.Details.Count == 0 ? item : ReadDetail(item, entry.Details[0].Inlines));
        }

        return ItemEvidence.Screen(source, items, skipped);
    }

    private static ListItem ReadHead(string source, MarkdownEntry entry)
    {
        var head = entry.Head;
        var first = head.First(i => i is LinkInline or EmphasisInline);
        var title = MarkdownInlines.TextOf(first).Trim().TrimEnd(',').Trim();
        var rest = head.SkipWhile(i => i != first).Skip(1).ToList();
        var links = MarkdownInlines.Links(rest);
        string? url = first is LinkInline titleLink ? MarkdownInlines.UrlOf(titleLink) : null;
        string? arxivId = null, venue = null, organization = null;
        int? citations = null;

        foreach (var code in rest.OfType<CodeInline>())
        {
            // `arXiv, 2310.16944`
            var m = VenueAndId().Match(code.Content);
            if (m.Success)
            {
                venue = m.Groups["venue"].Value;
                arxivId = m.Groups["id"].Value;
            }
        }

        var others = new List<ListLink>();
        foreach (var link in links)
        {
            if (int.TryParse(link.Label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                citations = count >= 0 ? count : null;  // "cication: [**-1**](None)" means unknown
            else if (url is null && link.Label.Equals("arxiv", StringComparison.OrdinalIgnoreCase))
                url = link.Url;
            else
                others.Add(link);
        }

        var trailing = MarkdownInlines.Text(rest.Where(i => i is LiteralInline));
        if (OrganizationSuffix().Match(trailing) is { Success: true } org) organization = org.Groups[1].Value;

        // "[**awesome-RLHF**](github…) - opendilab" outside Projects (004:54) is still a project entry.
        var isProject = first is LinkInline { FirstChild: EmphasisInline { DelimiterCount: 2 } } && url is not null
            && url.Contains("github.com/", StringComparison.OrdinalIgnoreCase);
        return new ListItem
        {
            Source = source,
            Line = entry.Line,
            Section = entry.Section,
            SectionKind = isProject ? SectionKind.Codebases : entry.Kind,
            SectionYear = entry.Year,
            Title = title,
            Url = url,
            Links = others,
            ArxivId = arxivId,
            Venue = venue,
            CitationCount = citations,
            Organization = organization,
        };
    }

    /// <summary>`*A, B* · ([site](link) - org)`: the names in italics, then the item's other places; a repository there is its code.</summary>
    private static ListItem ReadDetail(ListItem item, List<Inline> detail)
    {
        var italic = detail.OfType<EmphasisInline>().FirstOrDefault(e => e.DelimiterCount == 1);
        var italicText = italic is null ? null : MarkdownInlines.TextOf(italic);
        var code = new List<ListLink>();
        var links = new List<ListLink>(item.Links);
        string? organization = item.Organization;
        for (var i = 0; i < detail.Count; i++)
        {
            if (detail[i] is not LinkInline { IsImage: false } link) continue;
            var label = MarkdownInlines.Text(MarkdownInlines.Children(link));
            var url = MarkdownInlines.UrlOf(link);
            if (url is not null && url.Contains("github.com/", StringComparison.OrdinalIgnoreCase)) code.Add(new ListLink(label, url));
            else links.Add(new ListLink(label, url));
            if (i + 1 < detail.Count && detail[i + 1] is LiteralInline after && OrganizationSuffix().Match(after.Content.ToString()) is { Success: true } org)
                organization ??= org.Groups[1].Value;
        }

        if (item.SectionKind == SectionKind.Codebases)
            return item with { Description = italicText, Links = links, Organization = organization };

        if (italicText is not null && !NameList.IsPlausible(italicText))
            return item with { Description = italicText, Code = code, Links = links, Organization = organization };
        var (people, truncated) = italicText is null ? ([], false) : Byline.SplitPeople(italicText);
        return item with { People = people, PeopleTruncated = truncated, Code = code, Links = links, Organization = organization };
    }

    [GeneratedRegex(@"^\s*(?<venue>[A-Za-z][\w .-]*?)\s*,\s*(?<id>\d{4}\.\d{4,5}(?:v\d+)?)\s*$")]
    private static partial Regex VenueAndId();

    [GeneratedRegex(@"^\s*-\s*([\w.-]+)\s*\)?")]
    private static partial Regex OrganizationSuffix();
}
