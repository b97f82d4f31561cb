namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// What a link says about the work it points to, from the link alone: an image, badge or anchor (never a work), a video
/// (a talk), a blog host, a course page, a dataset page. Paper links are <see cref="Formats.PaperEvidence"/>'s.
/// </summary>
internal static partial class LinkEvidence
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico"];

    private static readonly string[] BadgeHosts = ["img.shields.io", "badge.fury.io", "badgen.net", "awesome.re", "cdn.rawgit.com"];

    private static readonly string[] VideoHosts = ["youtube.com", "youtu.be", "vimeo.com", "bilibili.com", "slideslive.com", "videolectures.net"];

    private static readonly string[] BlogHosts =
        ["medium.com", "substack.com", "notion.site", "zhuanlan.zhihu.com", "gist.github.com", "wandb.ai", "lilianweng.github.io", "huyenchip.com", "towardsdatascience.com"];

    // Slides are a talk's: 004's "ICML '23 Tutorial on Reinforcement Learning from Human Feedback" links its Google Slides deck.
    private static readonly string[] SlideHosts = ["slideshare.net", "speakerdeck.com"];

    private static readonly string[] DatasetPaths =
        ["huggingface.co/datasets/", "kaggle.com/datasets/", "paperswithcode.com/dataset/", "tensorflow.org/datasets/"];

    // A lab's own announcements of its work, which read as its blog: jordimas:20's InstructGPT (openai.com/research/instruction-following).
    private static readonly (string Host, string Path)[] AnnouncementPaths =
        [("openai.com", "/research/"), ("openai.com", "/index/"), ("anthropic.com", "/research/"), ("anthropic.com", "/news/")];

    // Words a title and an unrelated address share by chance ("from", "for", "via" in a CVF page's name).
    private static readonly string[] ConnectingWords = ["a", "an", "the", "of", "for", "from", "to", "in", "on", "with", "via", "and", "by", "at", "is"];

    /// <summary>An image file, a badge, or an in-page anchor ("#papers"): decoration or navigation, never a work.</summary>
    public static bool IsImageBadgeOrAnchor(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#')) return true;
        if (AbsoluteUri.TryCreate(trimmed, out var uri)) return IsImageOrBadge(uri);
        var end = trimmed.AsSpan().IndexOfAny('?', '#');
        return HasImageExtension(end < 0 ? trimmed : trimmed.AsSpan(0, end));
    }

    /// <summary>A link that can be stored as a work's address: absolute http(s). "pages/x.md" is relative to a file we do not have.</summary>
    public static bool IsAbsoluteWebLink(string? url) =>
        url is not null && AbsoluteUri.TryCreate(url.Trim(), out var uri) && IsWeb(uri);

    /// <summary>
    /// <see cref="IsAbsoluteWebLink"/> and not <see cref="IsImageBadgeOrAnchor"/>, from one Uri instead of two (an absolute http(s)
    /// link is never an anchor): every link of every item is asked this (250k-item list: 404 MB of Uris, closures and host strings).
    /// </summary>
    public static bool IsAbsoluteWebLinkToAWork(string url) =>
        AbsoluteUri.TryCreate(url.Trim(), out var uri) && IsWeb(uri) && !IsImageOrBadge(uri);

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsImageOrBadge(Uri uri) => HasImageExtension(uri.AbsolutePath) || HostIsAny(uri.Host, BadgeHosts);

    private static bool HasImageExtension(ReadOnlySpan<char> path)
    {
        foreach (var extension in ImageExtensions)
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    public static bool IsVideo(string? url) => Host(url) is { } uri && HostIsAny(uri.Host, VideoHosts);

    /// <summary>A slide deck: a slide host, or a Google Slides presentation (docs.google.com/presentation/…).</summary>
    public static bool IsSlides(string? url) =>
        Host(url) is { } uri && (HostIsAny(uri.Host, SlideHosts)
            || (HostIs(uri, "docs.google.com") && uri.AbsolutePath.StartsWith("/presentation/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A publisher tag that names a video host: 003's flattened "YouTube John Schulman - …", whose link (a YouTube video) was lost.</summary>
    public static bool IsVideoHost(string? organization) =>
        organization is not null && VideoHosts.Any(h => organization.Trim().Equals(h[..h.IndexOf('.', StringComparison.Ordinal)], StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A blog post or an article: a known blog host, a "blog." or "magazine." host (004's magazine.sebastianraschka.com/p/…), a
    /// "/blog/", "/posts/" or "/articles/" path (004's www.jiqizhixin.com/articles/2023-10-07-7, a news site's article), or a lab's
    /// announcement page (openai.com/research/…).
    /// </summary>
    public static bool IsBlog(string? url) =>
        Host(url) is { } uri && (HostIsAny(uri.Host, BlogHosts) || uri.Host.StartsWith("blog.", StringComparison.OrdinalIgnoreCase)
            || uri.Host.StartsWith("magazine.", StringComparison.OrdinalIgnoreCase)
            || uri.AbsolutePath.Contains("/blog/", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.Contains("/posts/", StringComparison.OrdinalIgnoreCase)
            || uri.AbsolutePath.Contains("/articles/", StringComparison.OrdinalIgnoreCase) || IsAnnouncement(uri));

    private static bool IsAnnouncement(Uri uri)
    {
        var site = WebUrl.SiteOf(uri);
        return AnnouncementPaths.Any(page => site == page.Host && uri.AbsolutePath.Length > page.Path.Length
            && uri.AbsolutePath.StartsWith(page.Path, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether a tag before an item's title ("[Lilian Weng] [Reward Hacking …](https://lilianweng.github.io/…)") names the owner of
    /// the site it links: a person's name (names for sure, and no organisation's: "[Hugging Face]" on huggingface.co is the publisher)
    /// whose letters are the site's own name. Then it is the author, not a publisher.
    /// </summary>
    public static bool NamesSiteOwner(string tag, string? url)
    {
        if (Host(url) is not { } uri || !Formats.NameList.IsStrong(tag) || PersonName.IsOrganization(tag)) return false;
        var host = WebUrl.SiteOf(uri);
        var site = host[..Math.Max(host.IndexOf('.', StringComparison.Ordinal), 0)];
        return site.Length > 0 && string.Equals(TitleKey.Of(tag).Replace(" ", "", StringComparison.Ordinal), site, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The year of a date in an address's path, "/posts/2024-11-28-reward-hacking/" or "/2023/05/notes": a blog post's own
    /// date, where a post has no other. A month must follow the year, so "/cvpr2023/" or a bare "/2023/" gives none.
    /// </summary>
    public static int? DatedYear(string? url) =>
        Host(url) is { } uri && DatedPath().Match(uri.AbsolutePath) is { Success: true } date
            ? int.Parse(date.Groups["year"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>A course: a course or class page ("/class/cs224n/", "deep-rl-course"), or a title that names one ("… Course", "CS234: …").</summary>
    public static bool IsCourse(string? url, string title) =>
        title.Contains("course", StringComparison.OrdinalIgnoreCase) || CourseNumber().IsMatch(title)
        || (Host(url) is { } uri && (uri.AbsolutePath.Contains("course", StringComparison.OrdinalIgnoreCase) || uri.AbsolutePath.Contains("/class/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A dataset's own page (a dataset host's dataset path).</summary>
    public static bool IsDatasetPage(string? url) =>
        url is not null && DatasetPaths.Any(p => url.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// How much of a title an address spells out, 0..1: the share of the title's words (a few connecting words aside) that are
    /// words of the address's path. A proceedings page named for its paper
    /// (".../Yu_RLHF-V_Towards_Trustworthy_MLLMs_via_..._CVPR_2024_paper.html") spells out most of its own title and none of
    /// another's; an address of ids (arXiv, OpenReview) spells out nothing, and neither does a title of under three words.
    /// </summary>
    public static double TitleShareOfAddress(string? url, string title)
    {
        if (Host(url) is not { } uri) return 0;
        var words = TitleKey.Words(title);
        words.ExceptWith(ConnectingWords);
        if (words.Count < 3) return 0;
        var path = TitleKey.Words(Uri.UnescapeDataString(uri.AbsolutePath));
        return (double)words.Count(path.Contains) / words.Count;
    }

    private static Uri? Host(string? url) => url is not null && AbsoluteUri.TryCreate(url.Trim(), out var uri) ? uri : null;

    private static bool HostIs(Uri uri, string host) => HostIs(uri.Host, host);

    /// <summary>The host or a subdomain of it, compared in place: a "." + host string per comparison was 177 MB (250k-item list).</summary>
    private static bool HostIs(string actual, string host) =>
        actual.Equals(host, StringComparison.OrdinalIgnoreCase)
        || (actual.Length > host.Length && actual[^(host.Length + 1)] == '.' && actual.EndsWith(host, StringComparison.OrdinalIgnoreCase));

    private static bool HostIsAny(string actual, string[] hosts)
    {
        foreach (var host in hosts)
        {
            if (HostIs(actual, host)) return true;
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?<year>19[89][0-9]|20[0-9]{2})(?<sep>[-/])(0[1-9]|1[0-2])(\k<sep>(0[1-9]|[12][0-9]|3[01]))?(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex DatedPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bCS\s?\d{3}[A-Z]?\b")]
    private static partial System.Text.RegularExpressions.Regex CourseNumber();
}
