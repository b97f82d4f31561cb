using System.Text.RegularExpressions;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// What an item is, from the item itself, for every parser alike (the general Markdown reader, the seeds' dedicated parsers and the
/// flattened one-line list): each parser reads its format into <see cref="ListItem"/>s with <see cref="ListItem.SectionKind"/> as the
/// heading says, and <see cref="Screen"/> decides each item's kind, title, venue and year from its evidence, the heading only
/// breaking ties, or reports it as skipped with its reason.
/// </summary>
internal static partial class ItemEvidence
{
    /// <summary>
    /// Every item decided (<see cref="Decide"/>), then images, badges and anchors screened out (<see cref="NotAWork"/>).
    /// <paramref name="linkless"/>: the format has lost every link (003, flattened), so an item without a link says nothing by that.
    /// </summary>
    public static ParsedList Screen(string source, IReadOnlyList<ListItem> items, IReadOnlyList<SkippedItem> skipped, bool linkless = false)
    {
        var kept = new List<ListItem>(items.Count);
        var reported = new List<SkippedItem>(skipped);
        foreach (var item in items)
        {
            var (decided, reason) = Decide(item, linkless);
            if (decided is null) reported.Add(new SkippedItem(source, item.Line, reason!));
            else kept.Add(decided);
        }

        if (reported.Count != skipped.Count) reported.Sort((a, b) => a.Line.CompareTo(b.Line));
        return NotAWork.Screen(source, kept, reported);
    }

    /// <summary>
    /// The item with its kind, title, venue and year decided, or why it is not a work. In order: links that cannot be a work's
    /// address are dropped (an image, a badge, an anchor, a link relative to a file we do not have); a venue the item writes
    /// ("(NeurIPS 2023)" after or at the end of its title, a link labelled "ICLR") becomes its venue and year; its kind comes
    /// from its evidence (<see cref="KindFromEvidence"/>), a paper whose title says "A Survey on …" being a survey; a book's, blog
    /// post's, talk's or course's "… by Nathan Lambert", a talk's "John Schulman - …" and a blog post's "… | 机器之心" are its byline
    /// and its publisher, not part of its title. An item with none of this evidence is what its heading says, unless it has no link
    /// and only describes (a sentence, a category) or sits under a heading of papers without being cited like one: then it is skipped.
    /// </summary>
    public static (ListItem? Item, string? Reason) Decide(ListItem item, bool linkless = false)
    {
        // The other links first, then the item's own: KindFromEvidence asks the item's address again, and AbsoluteUri keeps the last one parsed.
        if (!AreWorkLinks(item.Links) || !AreWorkLinks(item.Code))
            item = item with { Links = [.. item.Links.Where(l => IsWorkLink(l.Url))], Code = [.. item.Code.Where(l => IsWorkLink(l.Url))] };

        string? dropped = null;
        if (!IsWorkLink(item.Url))
        {
            dropped = item.Url;
            item = item with { Url = null };
        }

        // An item is copied only where it changes: a copy for its trimmed title and another for its kind, whether or not they
        // differed, were 76 MB (250k-item list).
        item = WithVenue(item);
        var title = item.Title.Trim().TrimEnd('.', ',').Trim();
        if (title.Length == 0) return (null, $"no title ({dropped ?? item.Url ?? "no link"})");
        if (!string.Equals(title, item.Title, StringComparison.Ordinal)) item = item with { Title = title };

        if (KindFromEvidence(item) is { } kind)
        {
            // "Bridging the Gap: A Survey on Integrating (Human) Feedback …" (opendilab-newest:480, 003) under a year heading: the title says survey.
            if (kind == SectionKind.Papers && SurveyTitle().IsMatch(item.Title)) kind = SectionKind.Surveys;
            if (kind != item.SectionKind) item = item with { SectionKind = kind };
            if (kind == SectionKind.Codebases && NamedByDescription(item.Title) && RepositoryUrl.Normalize(item.Url) is { } repository)
                item = item with { Title = $"{repository.Owner}/{repository.Name}", Description = item.Description ?? item.Title };
            return (WithoutByline(item), null);
        }

        var linked = item.Url is not null || item.Links.Count > 0;
        if (!linked && dropped is not null)
            return (null, $"its only link is an image, a badge, an anchor or a relative link, not a work: \"{AwesomeEntry.Snippet(item.Title)}\" ({dropped})");
        if (!linked && !linkless && !HasFields(item) && LooksDescriptive(item.Title))
            return (null, $"no link and descriptive text only, not a work: \"{AwesomeEntry.Snippet(item.Title)}\"");
        if (!IsPaperSection(item.SectionKind) || (linkless && !linked)) return (WithoutByline(item), null);
        return (null, $"not a paper, codebase or dataset: no arXiv, DOI, proceedings or PDF link, no venue with a year, no authors, and not a repository or dataset page: \"{AwesomeEntry.Snippet(item.Title)}\" ({item.Url ?? "no link"})");
    }

    /// <summary>
    /// The kind the item's own evidence gives, or null when it has none. A paper link (arXiv, DOI, OpenReview, ACL Anthology,
    /// proceedings, a PDF) makes a paper wherever it stands (the heading only chooses survey, report, book, or the paper of a
    /// dataset); a dataset page a dataset; a repository a codebase (a dataset under a dataset heading); a video or slides a talk (a
    /// course when it names one), and so does a "YouTube" publisher tag; a course page a course; a book a book; a blog host, a
    /// magazine or an article page a blog post. A byline, or a venue with a year, makes a paper only under a heading of papers.
    /// </summary>
    private static SectionKind? KindFromEvidence(ListItem item)
    {
        var section = item.SectionKind;
        var paperSection = IsPaperSection(section);
        // A course's slides are a PDF ("CS224n … course at Stanford", web.stanford.edu/class/…/lecture11.pdf), not a paper.
        if (item.Url is not null && item.ArxivId is null && ArxivId.Parse(item.Url) is null && LinkEvidence.IsCourse(item.Url, item.Title)) return SectionKind.Courses;
        if (PaperEvidence.IsPaperLink(item.Url) || item.ArxivId is not null || item.Links.Any(l => PaperEvidence.IsPaperLink(l.Url)))
        {
            return section switch
            {
                SectionKind.Surveys or SectionKind.Reports or SectionKind.Books => section,
                // "### Datasets" over "[UltraFeedback: …](arxiv)": the paper that introduces a dataset is both; "Data Selection" is a topic of papers.
                SectionKind.Datasets when NamesDatasets(item.Section) => SectionKind.Datasets,
                _ => SectionKind.Papers,
            };
        }

        if (LinkEvidence.IsDatasetPage(item.Url)) return SectionKind.Datasets;
        if (RepositoryUrl.Normalize(item.Url) is not null)
        {
            if (section == SectionKind.Datasets) return SectionKind.Datasets;
            return paperSection && PaperEvidence.Holds(item) ? section : SectionKind.Codebases;
        }

        if (LinkEvidence.IsVideo(item.Url) || LinkEvidence.IsSlides(item.Url) || LinkEvidence.IsVideoHost(item.Organization))
            return LinkEvidence.IsCourse(null, item.Title) ? SectionKind.Courses : SectionKind.Talks;
        if (LinkEvidence.IsCourse(item.Url, item.Title) && item.Url is not null) return SectionKind.Courses;
        if (IsBook(item)) return SectionKind.Books;
        if (LinkEvidence.IsBlog(item.Url)) return SectionKind.Blogs;
        if (paperSection && PaperEvidence.Holds(item)) return section;
        return null;
    }

    private static bool IsPaperSection(SectionKind kind) => kind is SectionKind.Papers or SectionKind.Surveys or SectionKind.Reports or SectionKind.Other;

    /// <summary>
    /// "(NeurIPS 2023)" at the end of a title, an alias that is a venue ("(ICLR 2024)" read as a short name), a link labelled with a
    /// venue (`` `2024` [[ICLR](…)] ``): where the work appeared, when the item does not say it otherwise.
    /// </summary>
    private static ListItem WithVenue(ListItem item)
    {
        if (Venue.InParentheses(item.Title) is { } inTitle && VenueSuffix().Match(item.Title) is { Success: true } suffix && Venue.Parse(suffix.Groups[1].Value) is not null)
            item = item with { Title = item.Title[..suffix.Index].Trim(), Venue = item.Venue ?? inTitle.Venue, Year = item.Year ?? inTitle.Year };
        if (item.Alias is { } alias && Venue.Parse(alias) is { } asVenue)
            item = item with { Alias = null, Venue = item.Venue ?? asVenue.Venue, Year = item.Year ?? asVenue.Year };
        if ((item.Venue is null || item.Venue.Equals("arXiv", StringComparison.OrdinalIgnoreCase))
            && item.Links.Select(l => Venue.Name(l.Label)).FirstOrDefault(v => v is not null && v != "arXiv") is { } linked)
            item = item with { Venue = linked };
        return item;
    }

    /// <summary>
    /// "Reinforcement Learning from Human Feedback by Nathan Lambert": on a book, a blog post, a talk or a course, a trailing "by" and a
    /// name is the byline (003 writes the book so, opendilab's newest list writes the same words as the title of its link); so is a
    /// talk's speaker named before its title ("John Schulman - Reinforcement Learning from Human Feedback: …").
    /// </summary>
    private static ListItem WithoutByline(ListItem item)
    {
        item = WithoutSiteName(item);
        if (item.SectionKind is not (SectionKind.Books or SectionKind.Blogs or SectionKind.Talks or SectionKind.Courses)) return item;
        string name, title;
        if (TrailingBy().Match(item.Title) is { Success: true } by)
            (name, title) = (by.Groups["name"].Value.Trim(), item.Title[..by.Index].TrimEnd(' ', ',', '-', '–', '—').Trim());
        // A talk's speaker before its title: "[YouTube] [John Schulman - Reinforcement Learning from Human Feedback: Progress and Challenges]" (001:312, 003).
        else if (item.SectionKind == SectionKind.Talks && LeadingSpeaker().Match(item.Title) is { Success: true } speaker)
            (name, title) = (speaker.Groups["name"].Value.Trim(), speaker.Groups["title"].Value.Trim());
        else return item;
        if (!NameList.IsStrong(name) || name.Contains(',', StringComparison.Ordinal) || title.Length == 0) return item;
        var (people, truncated) = Byline.SplitPeople(name);
        return item with { Title = title, People = item.People.Count > 0 ? item.People : people, PeopleTruncated = item.People.Count > 0 ? item.PeopleTruncated : truncated };
    }

    /// <summary>
    /// A blog post's title as its page names it, site last: "Rethinking the Role of PPO in RLHF – The Berkeley Artificial Intelligence
    /// Research Blog" (004:30), "RLHF实践 - 知乎" (004:91), "LLM成功不可或缺的基石：RLHF及其替代技术 | 机器之心" (004:95). The site (a name
    /// ending in "Blog", or a short name in CJK script) is the post's publisher, not part of its title.
    /// </summary>
    private static ListItem WithoutSiteName(ListItem item)
    {
        if (item.SectionKind != SectionKind.Blogs || SiteSuffix().Match(item.Title) is not { Success: true } suffix) return item;
        var site = suffix.Groups["site"].Value.Trim();
        var isSite = BlogWord().IsMatch(site) && site.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8
            || (site.Length <= 6 && site.All(IsCjk));
        var title = item.Title[..suffix.Index].Trim();
        if (!isSite || title.Length == 0) return item;
        return item with { Title = title, Organization = item.Organization ?? site };
    }

    private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');

    /// <summary>Labelled fields or a byline: a work described by its list, whatever its title looks like.</summary>
    private static bool HasFields(ListItem item) =>
        item.People.Count > 0 || item.Keywords.Count > 0 || item.Code.Count > 0 || item.Datasets.Count > 0 || item.Environments.Count > 0 || item.Tasks.Count > 0;

    private static bool NamesDatasets(string? path) =>
        path is not null && (path.Contains("dataset", StringComparison.OrdinalIgnoreCase) || path.Contains("benchmark", StringComparison.OrdinalIgnoreCase)
            || path.Contains("corpus", StringComparison.OrdinalIgnoreCase) || path.Contains("corpora", StringComparison.OrdinalIgnoreCase));

    private static bool IsBook(ListItem item) =>
        BookWord().IsMatch(item.Title)
        || (item.Url is not null && AbsoluteUri.TryCreate(item.Url, out var uri)
            && (uri.Host.Contains("book", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.Contains("/books/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>"very comprehensive list", "index", "here": a codebase's link text that describes it rather than names it ("veRL: …" names it).</summary>
    private static bool NamedByDescription(string title) =>
        title.Length == 0 || (title.Contains(' ', StringComparison.Ordinal) && title.Split(' ')[0].All(char.IsLower))
        || title.ToLowerInvariant() is "index" or "index.html" or "here" or "link" or "code" or "repo" or "github" or "this" or "readme";

    /// <summary>A sentence, a category with check marks, an unfinished phrase ("Look at compilations like"): text that describes, not names.</summary>
    private static bool LooksDescriptive(string title) =>
        title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4
        || title.Any(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherSymbol)
        || (title.Length > 0 && char.IsLower(title[0]));

    private static bool AreWorkLinks(IReadOnlyList<ListLink> links)
    {
        foreach (var link in links)
        {
            if (!IsWorkLink(link.Url)) return false;
        }

        return true;
    }

    /// <summary>A link that can be a work's address: absolute, and not an image, a badge or an anchor.</summary>
    internal static bool IsWorkLink(string? url) => url is null || LinkEvidence.IsAbsoluteWebLinkToAWork(url);

    [GeneratedRegex(@"\s*\(([^()]{2,40})\)\s*$")]
    private static partial Regex VenueSuffix();

    [GeneratedRegex(@"\b(?:a|comprehensive|systematic)\s+survey\b|\bsurvey\s+(?:of|on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SurveyTitle();

    [GeneratedRegex(@"\bbook\b", RegexOptions.IgnoreCase)]
    private static partial Regex BookWord();

    [GeneratedRegex(@"\s+[-–—|]\s+(?<site>[^-–—|]+)$")]
    private static partial Regex SiteSuffix();

    [GeneratedRegex(@"\bblog\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlogWord();

    [GeneratedRegex(@"^(?<name>[^-–—:,()]{3,40}?)\s+[-–—]\s+(?<title>.+)$")]
    private static partial Regex LeadingSpeaker();

    [GeneratedRegex(@"\s+by\s+(?<name>[^,:;()]+?)\s*$")]
    private static partial Regex TrailingBy();
}
