using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// One entry of a general list (a list item, a paragraph that starts with a link, or a table row) and how it reads:
/// `[Title](url) [pdf](…) (Alias)`, `**Title** [arxiv](…)`, `Title `2024` [[arxiv](…)]`, `Name - [description](url)`,
/// `https://github.com/owner/repo - description`, `[Org] [Title](url)`, over detail lines: a byline ("A, B. NeurIPS, 2023."),
/// labelled lines (`Keyword:`, `Code:`, `Dataset:`, `Env:`, `Task:`) and a description.
/// </summary>
internal sealed partial class AwesomeEntry(int line, AwesomeSection section, List<Inline> head)
{
    private static readonly HashSet<string> LinkLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "arxiv", "pdf", "paper", "code", "github", "official", "project", "project page", "website", "homepage", "blog", "video", "slides",
        "dataset", "data", "demo", "openreview", "link", "links", "html", "abs", "acl", "doi", "huggingface", "hf", "model", "models", "poster", "talk",
    };

    // Labels of a detail line that links the work itself ("Paper: [arXiv](…)", "Links: [arXiv](…) | [Code](…)"), not its code or data.
    private static readonly HashSet<string> OwnLinkLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "arxiv", "pdf", "paper", "project", "project page", "website", "homepage", "openreview", "link", "links", "html", "abs", "acl", "doi",
    };

    public int Line { get; } = line;

    public AwesomeSection Section { get; } = section;

    public List<Inline> Head { get; } = head;

    public List<(int Line, List<Inline> Inlines)> Details { get; } = [];

    /// <summary>Columns a table row gave beside its title cell.</summary>
    public string? TablePeople { get; init; }

    public string? TableVenue { get; init; }

    public string? TableYear { get; init; }

    public string? TableDescription { get; init; }

    public IReadOnlyList<ListLink> TableCode { get; init; } = [];

    public IReadOnlyList<ListLink> TableLinks { get; init; } = [];

    public IReadOnlyList<string> TableKeywords { get; init; } = [];

    /// <summary>True when the head has something to be an item's title: a link, bold text or plain text followed by a link.</summary>
    public bool IsTitled => HasAnchor(Head);

    /// <summary>A link, an autolink or bold text anywhere in the head.</summary>
    public static bool HasAnchor(List<Inline> inlines) => inlines.Any(IsAnchor);

    /// <summary>A paragraph that is an entry: it starts with a link (after "[Org]" tags or a "-" that lost its space).</summary>
    public static bool StartsLikeItem(List<Inline> inlines)
    {
        var at = AnchorIndex(inlines);
        return at >= 0 && inlines[at] is LinkInline or AutolinkInline && Leading(inlines, at) is var (text, _) && text.Length == 0;
    }

    /// <summary>A nested item that is an item of its own, not a detail line: it starts with a link whose text is a title, not a label.</summary>
    public static bool IsOwnItem(List<Inline> inlines)
    {
        var at = AnchorIndex(inlines);
        if (at < 0 || inlines[at] is not LinkInline { IsImage: false } link || Leading(inlines, at).Text.Length > 0) return false;
        var label = MarkdownInlines.Text(MarkdownInlines.Children(link));
        return !LinkLabels.Contains(label) && label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && !FieldLines.IsLabelled(label);
    }

    /// <summary>
    /// Splits a paragraph where a line starts with "-" and a link ("-[Safe-RLHF](…)", opendilab's Codebases): without the space after
    /// the dash Markdig reads that line as the previous paragraph's continuation, so it would silently become part of another item.
    /// </summary>
    public static IEnumerable<(int Line, List<Inline> Inlines)> SplitRunOnItems(int line, List<Inline> inlines, bool includeFirst)
    {
        var current = new List<Inline>();
        var currentLine = line;
        for (var i = 0; i < inlines.Count; i++)
        {
            var startsLine = i == 0 || inlines[i - 1] is LineBreakInline;
            if (startsLine && inlines[i] is LiteralInline literal && literal.Content.ToString().Trim() is "-" or "*" or "+"
                && i + 1 < inlines.Count && inlines[i + 1] is LinkInline { IsImage: false })
            {
                if (current.Count > 0 || i > 0)
                {
                    if (includeFirst || currentLine != line) yield return (currentLine, TrimBreaks(current));
                }

                current = [];
                currentLine = literal.Line + 1;
                continue;
            }

            current.Add(inlines[i]);
        }

        if (includeFirst || currentLine != line) yield return (currentLine, TrimBreaks(current));
    }

    private static List<Inline> TrimBreaks(List<Inline> inlines)
    {
        var end = inlines.Count;
        while (end > 0 && inlines[end - 1] is LineBreakInline) end--;
        return inlines[..end];
    }

    /// <summary>The item this entry describes, or why it is not one.</summary>
    public (ListItem? Item, string? Reason) Read(string source)
    {
        var head = Head;
        var tag = LeadingVenueTag(ref head);
        var at = AnchorIndex(head);
        var (leading, organization) = Leading(head, at < 0 ? head.Count : at);
        // "[NeurIPS 2023] [Title](…)" or "[NeurIPS 2023] Title [[paper](…)]": a tag that is a venue names where the work appeared.
        if (tag is null && organization is not null && Venue.Parse(organization) is { } tagged) (tag, organization) = (tagged, null);
        if (tag is null && LeadingBracket().Match(leading) is { Success: true } bracket && Venue.Parse(bracket.Groups[1].Value) is { } bracketed)
            (tag, leading) = (bracketed, leading[bracket.Length..].Trim());
        // "[2023/10] Title …", "2024.02 | Title | [paper](…)": a date before the title, and a plain title set between pipes.
        int? dated = null;
        if (organization is not null && DateTag().Match(organization) is { Success: true } tagDate)
            (dated, organization) = (int.Parse(tagDate.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture), null);
        if (LeadingDate().Match(leading) is { Success: true } date)
            (dated, leading) = (int.Parse(date.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture), leading[date.Length..].Trim());
        if (leading.Contains('|', StringComparison.Ordinal))
            leading = leading.Split('|', StringSplitOptions.TrimEntries).MaxBy(part => part.Length) ?? leading;
        string title;
        string? url = null;
        List<Inline> rest;
        if (leading.Length > 0 || at < 0)
        {
            title = leading.TrimEnd(' ', '-', '–', '—', ':', ',', '(', '[').Trim();
            rest = at < 0 ? [] : head[at..];
        }
        else
        {
            (title, url) = TitleOf(head[at]);
            rest = head[(at + 1)..];
        }

        // An image, a badge, an anchor or a link relative to a file we do not have is never a work's address: another link takes
        // its place, else the item keeps it for ItemEvidence to drop and report.
        string? dropped = null;
        if (!IsWorkLink(url))
        {
            dropped = url;
            url = null;
        }

        title = title.Trim().TrimEnd('.', ',').Trim();
        if (title.Length == 0)
            return (null, Head.Count == 0 ? "an empty list item" : $"no title: \"{Snippet(MarkdownInlines.Text(Head))}\"");
        // "Title. A, B. ICML 2024. [[pdf](…)]", "Title, *A and B*, NeurIPS 2023" or "Title, ACL 2020, [paper](…)": a plain-text
        // title written as a citation.
        var cited = leading.Length > 0 ? CitedWithItalicNames(head, at < 0 ? head.Count : at) ?? Cited(title) : null;
        if (cited is not null) title = cited.Value.Title;

        // Links after the title: the item's own page when the title had none, its code, and its other places; and a badge's
        // link before it ("[![Star](…)](https://github.com/…)").
        var links = MarkdownInlines.Links(rest).Concat(TableLinks).Concat(at > 0 ? MarkdownInlines.Links(head.Take(at)) : []).Where(l => IsWorkLink(l.Url)).ToList();
        var code = new List<ListLink>(TableCode.Where(l => IsWorkLink(l.Url)));
        var others = new List<ListLink>();
        string? description = TableDescription;
        // "`2024` [[ICLR](https://openreview.net/…)]": a link labelled with a venue names where the paper appeared.
        string? linkedVenue = links.Select(l => Venue.Name(l.Label)).FirstOrDefault(v => v is not null && v != "arXiv");
        // Under a "Code" heading a paper link still makes the item a paper: its repository links are its code, not other items.
        var codebaseSection = Section.Kind == SectionKind.Codebases && !PaperEvidence.IsPaperLink(url) && !links.Any(l => PaperEvidence.IsPaperLink(l.Url));
        if (url is null && links.Count > 0)
        {
            var own = links.FirstOrDefault(l => PaperEvidence.IsPaperLink(l.Url))
                ?? links.FirstOrDefault(l => !IsCodeLabel(l.Label) || codebaseSection) ?? links[0];
            url = own.Url;
            // "Name - [Human preference data about helpfulness](url)": the link's text describes the item.
            if (!LinkLabels.Contains(own.Label) && Venue.Name(own.Label) is null && own.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3) description ??= own.Label;
            links.Remove(own);
        }

        // "[Lilian Weng] [Reward Hacking …](https://lilianweng.github.io/…)": a tag naming the owner of the site is the author.
        var owner = organization is not null && LinkEvidence.NamesSiteOwner(organization, url ?? dropped) ? organization : null;
        if (owner is not null) organization = null;

        foreach (var link in links)
        {
            if (!codebaseSection && (IsCodeLabel(link.Label) || RepositoryUrl.Normalize(link.Url) is not null)) code.Add(link);
            else others.Add(link);
        }

        var restText = MarkdownInlines.Text(rest.Where(i => i is not LinkInline and not AutolinkInline and not CodeInline));
        // "(NeurIPS 2023)" after the title, or at the end of a plain-text title, is the venue, not a short name.
        var parenthesizedVenue = Venue.InParentheses(restText) ?? Venue.InParentheses(title);
        if (parenthesizedVenue is not null && Venue.InParentheses(title) is not null) title = VenueSuffix().Replace(title, "").Trim();
        var alias = AliasAfterTitle().Match(restText) is { Success: true } a && at >= 0 && leading.Length == 0 && Venue.Parse(a.Groups[1].Value) is null
            ? a.Groups[1].Value.Trim() : null;
        var trailing = restText.Trim().TrimStart('-', '–', '—', ':', ' ').Trim();
        var credited = alias is null ? Credited(restText, parenthesizedVenue) : null;
        if (trailing.Length > 0 && alias is null && parenthesizedVenue is null && credited is null && trailing.Any(char.IsLetter)) description ??= trailing;

        var work = new Reading(url, code, others, description);
        string? arxivId = null;
        foreach (var span in rest.OfType<CodeInline>())
        {
            var content = span.Content.Trim();
            if (YearOnly().IsMatch(content)) work.Year = int.Parse(content, System.Globalization.CultureInfo.InvariantCulture);
            else if (ArxivId.Parse(content) is { } id) arxivId = id;
        }

        // A venue column as written ("NeurIPS'23") or by its canonical name when it is one.
        var tableVenue = Venue.Parse(TableVenue);
        var badge = BadgeVenue(head);
        work.Venue = tableVenue?.Venue ?? TableVenue ?? tag?.Venue ?? linkedVenue ?? parenthesizedVenue?.Venue ?? cited?.Venue ?? credited?.Venue ?? badge?.Venue;
        work.Year ??= tableVenue?.Year ?? tag?.Year ?? parenthesizedVenue?.Year ?? cited?.Year ?? credited?.Year ?? badge?.Year ?? dated;
        if (TablePeople is not null)
        {
            var (tablePeople, tableTruncated) = Byline.SplitPeople(TablePeople);
            work.Credit(tablePeople, tableTruncated);
        }
        else if ((cited?.People ?? credited?.People) is { Count: > 0 } named)
        {
            work.Credit(named, cited?.Truncated ?? credited?.Truncated ?? false);
        }
        else if (owner is not null)
        {
            // A byline under the item still says more.
            work.People = [owner];
        }

        if (TableYear is not null && YearIn().Match(TableYear) is { Success: true } y) work.Year = int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (_, inlines) in Details) ReadDetail(work, inlines, codebaseSection);

        var item = new ListItem
        {
            Source = source,
            Line = Line,
            Section = Section.Path,
            SectionKind = Section.Kind ?? SectionKind.Papers,
            SectionYear = Section.Year,
            Title = title,
            Url = work.Url ?? dropped,
            Links = work.Others,
            Alias = alias,
            People = work.People,
            PeopleTruncated = work.Truncated,
            Venue = work.Venue,
            Year = work.Year,
            ArxivId = arxivId,
            Keywords = [.. work.Fields.Keywords, .. TableKeywords],
            Environments = work.Fields.Environments,
            Tasks = work.Fields.Tasks,
            Code = [.. work.Code, .. work.Fields.Code],
            Datasets = work.Fields.Datasets,
            Description = work.Description,
            Organization = organization,
        };
        return (item, null);
    }

    /// <summary>One line under the entry's head: the work's own links, a labelled field, a venue line, its byline or its description.</summary>
    private void ReadDetail(Reading work, List<Inline> inlines, bool codebaseSection)
    {
        var text = MarkdownInlines.Text(inlines);
        var lineLinks = MarkdownInlines.Links(inlines);
        // "Paper: [arXiv](…)" or "Links: [arXiv](…) | [Code](…)" under a plain-text title, or a line of links alone: the work's
        // own link, and its code.
        var workLinks = lineLinks.Where(l => IsWorkLink(l.Url)).ToList();
        if (workLinks.Count > 0 && LinksTheWork(inlines))
        {
            foreach (var link in workLinks)
            {
                if (RepositoryUrl.Normalize(link.Url) is not null && !codebaseSection && (IsCodeLabel(link.Label) || !PaperEvidence.IsPaperLink(link.Url))) work.Code.Add(link);
                else if (work.Url is null && (PaperEvidence.IsPaperLink(link.Url) || !IsCodeLabel(link.Label))) work.Url = link.Url;
                else work.Others.Add(link);
            }

            return;
        }

        // "Authors: A, B", "Venue: NeurIPS 2024", "Year: 2024", "TL;DR: …" (a work written as a heading over its fields).
        if (DetailField().Match(text) is { Success: true } field)
        {
            ReadField(work, field.Groups["label"].Value.ToLowerInvariant(), field.Groups["value"].Value.Trim());
            return;
        }

        if (FieldLines.IsLabelled(text))
        {
            work.Fields.Read(inlines);
            return;
        }

        // "CVPR 2024" alone on the line under the item (a vision list's venue lines).
        if (Venue.Parse(text) is { } venueLine && lineLinks.Count == 0)
        {
            work.Venue = venueLine.Venue;
            work.Year = venueLine.Year ?? work.Year;
            return;
        }

        if (!work.BylineRead && lineLinks.Count == 0)
        {
            work.BylineRead = true;
            // "Yihao Feng*, Shentao Yang*, …" (opendilab): equal-contribution marks are not part of the names.
            var names = text.Replace("*", "", StringComparison.Ordinal).Replace("†", "", StringComparison.Ordinal).Replace("‡", "", StringComparison.Ordinal);
            var byline = Byline.Parse(names, lastPartIsVenue: Section.Kind is SectionKind.Talks or SectionKind.Blogs or SectionKind.Courses);
            // "ByteDance Seed MLSys Team & HKU: Guangming Sheng, …" (opendilab-newest:680): a team credited before its people,
            // which the names that follow it make a byline.
            var team = names.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon && names.IndexOf(", ", StringComparison.Ordinal) is var comma && (comma < 0 || colon < comma);
            if (byline.People.Count > (team ? 1 : 0) && NameList.IsPlausible(string.Join(", ", team ? byline.People.Skip(1) : byline.People)))
            {
                work.Credit(byline.People, byline.Truncated);
                work.Venue ??= byline.Venue;
                work.Year ??= byline.Year;
                return;
            }
        }

        work.Description ??= text;
        work.Code.AddRange(lineLinks.Where(l => RepositoryUrl.Normalize(l.Url) is not null && !codebaseSection));
    }

    /// <summary>A "Label: value" line of a work written as a heading over its fields.</summary>
    private static void ReadField(Reading work, string label, string value)
    {
        switch (FieldOf(label))
        {
            case Field.People:
                var byline = Byline.Parse(value);
                if (!work.BylineRead && byline.People.Count > 0)
                {
                    work.Credit(byline.People, byline.Truncated);
                    work.Venue ??= byline.Venue;
                    work.Year ??= byline.Year;
                }

                break;
            case Field.Year:
                if (YearIn().Match(value) is { Success: true } given) work.Year ??= int.Parse(given.Value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case Field.Description:
                work.Description ??= value;
                break;
            case Field.Venue:
                // "NeurIPS 2024", "Nature Machine Intelligence, 2024" or a date alone ("2024-03-01": a year, no venue).
                var named = Venue.Parse(value);
                var undated = YearIn().Replace(value, " ").Trim(' ', ',', '.', '-', '/', '(', ')');
                work.Venue ??= named?.Venue ?? (undated.Any(char.IsLetter) ? undated : null);
                work.Year ??= named?.Year ?? (YearIn().Match(value) is { Success: true } v ? int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture) : null);
                break;
        }
    }

    /// <summary>What a <see cref="DetailField"/> label (lower case) gives the work; one place for both its readers.</summary>
    private static Field FieldOf(string label) => label switch
    {
        "author" or "authors" or "by" => Field.People,
        "year" or "date" => Field.Year,
        "tl;dr" or "tldr" or "summary" or "abstract" or "note" => Field.Description,
        _ => Field.Venue,
    };

    private enum Field
    {
        People,
        Year,
        Description,
        Venue,
    }

    /// <summary>
    /// "**[NeurIPS 2023]** Title …" or "`ICML 2023` [Title](…)": a bold or code venue tag before the title, taken off the head
    /// (which keeps a title after it).
    /// </summary>
    private static (string Venue, int? Year)? LeadingVenueTag(ref List<Inline> head)
    {
        var at = AnchorIndex(head);
        if (at < 0 || head[at] is not (EmphasisInline { DelimiterCount: 2 } or CodeInline) || MarkdownInlines.Text(head[..at]).Trim().Length > 0
            || Venue.Parse(MarkdownInlines.TextOf(head[at])) is not { } tag)
            return null;
        var rest = head[(at + 1)..];
        var next = AnchorIndex(rest);
        var titled = Leading(rest, next < 0 ? rest.Count : next).Text.Length > 0
            || (next >= 0 && rest[next] is LinkInline link && !LinkLabels.Contains(MarkdownInlines.TextOf(link)));
        if (!titled) return null;
        head = rest;
        return tag;
    }

    /// <summary>
    /// A plain-text title that reads as a citation: "Title. A, B. ICML 2024" (its people, venue and year after a sentence break)
    /// or "Title, ACL 2020" (a venue and year after a comma). The people must be names for sure (two or more, or one with a
    /// venue or year), so a title of two sentences stays whole.
    /// </summary>
    private static (string Title, IReadOnlyList<string> People, bool Truncated, string? Venue, int? Year)? Cited(string text)
    {
        for (var at = text.IndexOf(". ", StringComparison.Ordinal); at > 0; at = text.IndexOf(". ", at + 2, StringComparison.Ordinal))
        {
            var after = text[(at + 2)..];
            if (Venue.Parse(after) is { } venue) return (text[..at], [], false, venue.Venue, venue.Year);
            var byline = Byline.Parse(after);
            if (IsSureByline(byline)) return (text[..at], byline.People, byline.Truncated, byline.Venue, byline.Year);
        }

        var comma = text.LastIndexOf(", ", StringComparison.Ordinal);
        return comma > 0 && Venue.Parse(text[(comma + 2)..]) is { Year: not null } tail ? (text[..comma], [], false, tail.Venue, tail.Year) : null;
    }

    /// <summary>
    /// "Title, *Chloe Chan and Chris Cole*, NeurIPS 2023": a plain-text title followed by its people in italics (names for sure),
    /// then perhaps a venue and year.
    /// </summary>
    private static (string Title, IReadOnlyList<string> People, bool Truncated, string? Venue, int? Year)? CitedWithItalicNames(List<Inline> head, int end)
    {
        for (var i = 1; i < end; i++)
        {
            if (head[i] is not EmphasisInline { DelimiterCount: 1 } italic) continue;
            var names = MarkdownInlines.TextOf(italic).Trim().TrimEnd('.', ',');
            var byline = Byline.Parse(names);
            if (byline.People.Count == 0 || !NameList.IsStrong(names)) continue;
            var title = MarkdownInlines.Text(head.Take(i)).Trim().TrimEnd(',', '.', '-', '–', '—', ' ').Trim();
            if (title.Length == 0) continue;
            var after = MarkdownInlines.Text(head.Skip(i + 1).Take(end - i - 1)).Trim().Trim(',', '.', ' ', '[', ']');
            var venue = Venue.Parse(after);
            return (title, byline.People, byline.Truncated, venue?.Venue ?? byline.Venue, venue?.Year ?? byline.Year);
        }

        return null;
    }

    /// <summary>
    /// The people credited after a linked title: "[Title](…) - Dan Dee, Dora Diaz (ICLR 2024)" or "… by Lara Lam (2023)": after a
    /// dash or "by", names for sure, and a venue or a year beside them (a dash and capitalised words alone are as often a description).
    /// </summary>
    private static (IReadOnlyList<string> People, bool Truncated, string? Venue, int? Year)? Credited(string restText, (string Venue, int? Year)? parenthesized)
    {
        // The brackets around "[[Paper](…)]" stay behind as text once the links are taken out.
        var text = restText.Replace("[", " ", StringComparison.Ordinal).Replace("]", " ", StringComparison.Ordinal).Trim();
        var by = text.StartsWith("by ", StringComparison.OrdinalIgnoreCase);
        if (!by && !(text.Length > 0 && text[0] is '-' or '–' or '—' or ',')) return null;
        var yearAlone = ParenthesizedYear().Match(text) is { Success: true } y ? int.Parse(y.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var names = VenueSuffix().Replace(ParenthesizedYear().Replace(text, " "), " ").Trim().TrimStart('-', '–', '—', ',', ' ').Trim();
        if (names.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) names = names[3..];
        var byline = Byline.Parse(names);
        var dated = parenthesized is not null || yearAlone is not null || byline.Year is not null;
        // One name is enough with "by" before it or "et al." after it.
        var one = byline.People.Count == 1 && NameList.IsStrong(byline.People[0]) && (by || byline.Truncated);
        if (!dated || !IsSureByline(byline) && !one) return null;
        return (byline.People, byline.Truncated, byline.Venue, byline.Year ?? yearAlone);
    }

    /// <summary>A line of labelled links and nothing else ("[[Paper](…)] [[Code](…)]"); a link whose text is a title is an item's.</summary>
    private static bool IsLinksOnly(List<Inline> inlines) =>
        inlines.Any(i => i is LinkInline { IsImage: false } or AutolinkInline)
        && MarkdownInlines.Links(inlines).All(l => LinkLabels.Contains(l.Label) || Venue.Name(l.Label) is not null)
        && MarkdownInlines.Text(inlines.Where(i => i is not (LinkInline or AutolinkInline))).All(c => c is ' ' or '[' or ']' or '(' or ')' or '|' or ',' or '·' or '/' or '-');

    /// <summary>
    /// A detail line that is one of a work's fields when the work is written as a heading over them ("- **Authors**: …",
    /// "**Published:** ICML 2024"): the labels <see cref="Read"/> takes apart, beside the links and the labelled lines it already reads.
    /// </summary>
    public static bool IsWorkField(List<Inline> inlines)
    {
        if (LinksTheWork(inlines)) return true;
        var text = MarkdownInlines.Text(inlines);
        return DetailField().IsMatch(text) || FieldLines.IsLabelled(text);
    }

    /// <summary>Whether the field lines make a work: a link to it, or its people beside its venue or year.</summary>
    public static bool FieldsMakeAWork(IReadOnlyList<List<Inline>> lines)
    {
        var linked = lines.Any(l => LinksTheWork(l) && MarkdownInlines.Links(l).Any(k => PaperEvidence.IsPaperLink(k.Url)));
        var labels = lines.Select(l => DetailField().Match(MarkdownInlines.Text(l))).Where(m => m.Success).Select(m => m.Groups["label"].Value.ToLowerInvariant()).ToList();
        // "By" alone is too loose a label to make a work of; a venue or a year beside the authors is what a citation has.
        return linked || (labels.Any(l => l is "author" or "authors") && labels.Any(l => FieldOf(l) is Field.Venue or Field.Year));
    }

    /// <summary>A line of the work's own links: labelled links alone, or "Paper: [arXiv](…)" / "Links: [arXiv](…) | [Code](…)".</summary>
    private static bool LinksTheWork(List<Inline> inlines) =>
        IsLinksOnly(inlines) || (IsLabelledLink(inlines) && OwnLinkLabels.Contains(LinkLabelOf(inlines)));

    /// <summary>"Paper: [arXiv](…)", "Code: [GitHub](…)": a label and a colon, then a link.</summary>
    public static bool IsLabelledLink(List<Inline> inlines)
    {
        var at = inlines.FindIndex(i => i is LinkInline { IsImage: false } or AutolinkInline);
        if (at <= 0) return false;
        var label = MarkdownInlines.Text(inlines.Take(at)).Trim().TrimStart('-', '*', ' ');
        return label.EndsWith(':') && LinkLabels.Contains(label.TrimEnd(':', ' '));
    }

    private static string LinkLabelOf(List<Inline> inlines) =>
        MarkdownInlines.Text(inlines.TakeWhile(i => i is not (LinkInline or AutolinkInline))).Trim().TrimStart('-', '*', ' ').TrimEnd(':', ' ');

    /// <summary>
    /// A shields.io badge that names a venue ("![](https://img.shields.io/badge/ICLR-2024-blue)"): its label and message, dashes
    /// doubled for a dash and underscores for spaces, as the badge service writes them.
    /// </summary>
    private static (string Venue, int? Year)? BadgeVenue(List<Inline> head)
    {
        foreach (var image in head.SelectMany(Images))
        {
            if (image.Url is not { } url || !url.Contains("shields.io/badge/", StringComparison.OrdinalIgnoreCase)) continue;
            var badge = url[(url.IndexOf("/badge/", StringComparison.OrdinalIgnoreCase) + 7)..];
            var end = badge.IndexOfAny(['?', '.']);
            var parts = Uri.UnescapeDataString(end < 0 ? badge : badge[..end]).Replace("--", "\u0001", StringComparison.Ordinal).Split('-');
            if (parts.Length < 2) continue;
            string Part(string p) => p.Replace('\u0001', '-').Replace("__", "\u0002", StringComparison.Ordinal).Replace('_', ' ').Replace('\u0002', '_');
            if (Venue.Parse($"{Part(parts[0])} {Part(parts[1])}") is { } venue && venue.Venue != "arXiv") return venue;
        }

        return null;
    }

    private static IEnumerable<LinkInline> Images(Inline inline) => inline switch
    {
        LinkInline { IsImage: true } image => [image],
        ContainerInline container => container.SelectMany(Images),
        _ => [],
    };

    private static bool IsSureByline(Byline byline) =>
        byline.People.Count > 0 && NameList.IsStrong(string.Join(", ", byline.People)) && (byline.People.Count >= 2 || byline.Year is not null);

    /// <summary>A link that can be a work's address: absolute, and not an image, a badge or an anchor.</summary>
    private static bool IsWorkLink(string? url) => ItemEvidence.IsWorkLink(url);

    private static (string Title, string? Url) TitleOf(Inline anchor)
    {
        switch (anchor)
        {
            case LinkInline { IsAutoLink: true } auto:
                return (TitleFromUrl(MarkdownInlines.UrlOf(auto)), MarkdownInlines.UrlOf(auto));
            case LinkInline link:
                return (MarkdownInlines.Text(MarkdownInlines.Children(link)), MarkdownInlines.UrlOf(link));
            case AutolinkInline autolink:
                return (TitleFromUrl(autolink.Url), autolink.Url);
            case EmphasisInline bold:
                // "**[Title](url)**": the bold link is the title link.
                var inner = MarkdownInlines.Links(MarkdownInlines.Children(bold));
                var text = MarkdownInlines.TextOf(bold);
                return inner.Count == 1 && string.Equals(inner[0].Label, text, StringComparison.Ordinal) ? (text, inner[0].Url) : (text, null);
            default:
                return (MarkdownInlines.TextOf(anchor), null);
        }
    }

    /// <summary>A bare URL's name: the repository ("lm-human-preferences"), the dataset ("hh-rlhf"), else the page's (see <see cref="WebUrl.Name"/>).</summary>
    private static string TitleFromUrl(string? url) => RepositoryUrl.Normalize(url)?.Name ?? WebUrl.Name(url) ?? url ?? "";

    private static bool IsCodeLabel(string label) =>
        label.Equals("code", StringComparison.OrdinalIgnoreCase) || label.Equals("github", StringComparison.OrdinalIgnoreCase)
        || label.Equals("official", StringComparison.OrdinalIgnoreCase) || label.Equals("repo", StringComparison.OrdinalIgnoreCase);

    private static bool IsAnchor(Inline inline) =>
        inline is LinkInline { IsImage: false } link ? !IsBadgeLink(link) : inline is AutolinkInline or EmphasisInline { DelimiterCount: 2 };

    /// <summary>"[![Star](…shields.io…)](https://github.com/…)": a link whose only content is an image, which names nothing.</summary>
    private static bool IsBadgeLink(LinkInline link) => link.FirstChild is LinkInline { IsImage: true } && link.FirstChild.NextSibling is null;

    /// <summary>The first link, autolink, bold text or code span: what ends a plain-text title.</summary>
    private static int AnchorIndex(List<Inline> inlines) => inlines.FindIndex(i => IsAnchor(i) || i is CodeInline);

    /// <summary>The text before the anchor, and the "[OpenAI] [Hugging Face]" tags it may be instead of a title.</summary>
    private static (string Text, string? Organization) Leading(List<Inline> inlines, int at)
    {
        var text = WithoutLeadingSymbols(MarkdownInlines.Text(inlines.Take(Math.Max(at, 0)).Where(i => i is not LinkInline { IsImage: true })).Trim());
        if (text.StartsWith('-') && at >= 0) text = text[1..].Trim();
        if (text.Length > 0 && Tags().IsMatch(text)) return ("", text.Trim('[', ']', ' '));
        return (text, null);
    }

    /// <summary>"📄 [Title](…)", "💻 [Name](…)": pictographs before an entry mark its kind, they are no part of its title.</summary>
    private static string WithoutLeadingSymbols(string text)
    {
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is not (System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.ModifierSymbol
                or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
                or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.SpaceSeparator) && rune.Value != ' ')
                break;
            at += rune.Utf16SequenceLength;
        }

        return at == 0 ? text : text[at..].TrimStart();
    }

    /// <summary>What the entry says of its work as it is read: its head first, then each detail line, which may add to it.</summary>
    private sealed class Reading(string? url, List<ListLink> code, List<ListLink> others, string? description)
    {
        public string? Url { get; set; } = url;

        public List<ListLink> Code { get; } = code;

        public List<ListLink> Others { get; } = others;

        public string? Description { get; set; } = description;

        public FieldLines Fields { get; } = new();

        public IReadOnlyList<string> People { get; set; } = [];

        public bool Truncated { get; private set; }

        /// <summary>A byline was read (or a line was taken for one): later lines are descriptions, not people.</summary>
        public bool BylineRead { get; set; }

        public string? Venue { get; set; }

        public int? Year { get; set; }

        public void Credit(IReadOnlyList<string> people, bool truncated) => (People, Truncated, BylineRead) = (people, truncated, true);
    }

    internal static string Snippet(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^(?:\s*\[[^\[\]]+\]\s*)+$")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\.?\s*\(([^()]{1,60})\)")]
    private static partial Regex AliasAfterTitle();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"\s*\([^()]{2,40}\)\s*$")]
    private static partial Regex VenueSuffix();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"^\[([^\[\]]{2,40})\]\s*")]
    private static partial Regex LeadingBracket();

    // "[2023/10] [Title](…)": the tag's text alone.
    [GeneratedRegex(@"^(?<year>(?:19|20)\d\d)(?:[./-](?:0?[1-9]|1[0-2]))?$")]
    private static partial Regex DateTag();

    [GeneratedRegex(@"^\s*(?<label>authors?|by|venue|published(?: in| at)?|publication|conference|journal|year|date|tl;dr|tldr|summary|abstract|note)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DetailField();

    // "[2023/10]", "(2023.10)", "2024.02 |", "2023 -": a year in brackets, or with a month, or before a separator (a title may
    // start with a bare year).
    [GeneratedRegex(@"^(?:[\[(](?<year>(?:19|20)\d\d)(?:[./-](?:0?[1-9]|1[0-2]))?[\])]|(?<year>(?:19|20)\d\d)[./-](?:0?[1-9]|1[0-2])\b(?:\s*[|:–—-])?|(?<year>(?:19|20)\d\d)\s*[|:–—])\s*(?=\S)")]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"\(((?:19|20)\d\d)\)")]
    private static partial Regex ParenthesizedYear();
}
