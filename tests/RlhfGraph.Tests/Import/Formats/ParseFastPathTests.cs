using System.Text;
using System.Text.RegularExpressions;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>
/// The parse's allocation-free readings give what the plain ones gave: each is checked against the code it replaced (kept here
/// as the reference) on the inputs where the two could part: white space of every kind, empty entries, separators at the ends,
/// labels in odd case, arXiv ids of both styles, hosts that merely end like a known one.
/// </summary>
public sealed partial class ParseFastPathTests
{
    public static TheoryData<string> Texts =>
    [
        "", " ", "\t\n", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a \n b", "a\u00A0b", "a\u2003 b", "a\u0085b", "\u3000a\u3000",
        "Keyword: a, b", "  Leading and trailing  ", "x\r\ny", "one two  three   four",
    ];

    [Fact]
    public void AlreadyCollapsedTextIsReturnedAsIs()
    {
        var text = "Long Ouyang, Jeff Wu, Xu Jiang, et al.";

        Assert.Same(text, FormatsText.Collapse(text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void TextIsCollapsedAsBeforeWhateverItsWhiteSpace(string text) => Assert.Equal(OldCollapse(text), FormatsText.Collapse(text));

    [Theory]
    [MemberData(nameof(Texts))]
    public void TextWrittenInPiecesCollapsesAsTheWholeDoes(string text)
    {
        var pieces = new CollapsedText(1);
        for (var at = 0; at < text.Length; at += 2) pieces.Append(text.AsSpan(at, Math.Min(2, text.Length - at)));

        Assert.Equal(OldCollapse(text), pieces.ToStringAndReturn());
    }

    [Theory]
    [InlineData("a, b, c")]
    [InlineData("reference， Imitation learning")]
    [InlineData(" a ,, b. , . ,c..,")]
    [InlineData(",,,")]
    [InlineData("")]
    [InlineData("TL;DR, x")]
    [InlineData("a\t,\u00A0b\u00A0")]
    public void ListEntriesAreSplitAsBeforeAndPooled(string text)
    {
        var pool = new StringPool();
        var first = new List<string>();
        var second = new List<string>();

        FormatsText.AddList(text, first, pool);
        FormatsText.AddList(text, second, pool);

        Assert.Equal(OldSplitList(text), FormatsText.SplitList(text));
        Assert.Equal(OldSplitList(text), first);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("Keyword: a, b")]
    [InlineData("keywords ;  x, y.")]
    [InlineData("Dataset; Foo, Bar")]
    [InlineData("Datasets:")]
    [InlineData("CODE: Official")]
    [InlineData("Env :x")]
    [InlineData("Environments\t:\tAtari, MuJoCo")]
    [InlineData("Task: Toolkit for creating, Sharing and using.")]
    [InlineData("Tasks:  A, B. ")]
    [InlineData("Keyword: a\n")]
    [InlineData("Keyword: a\nb")]
    [InlineData("\u212Aeyword: kelvin")]
    [InlineData("Keywordx: y")]
    [InlineData(" Keyword: leading space")]
    [InlineData("Long Ouyang, Jeff Wu")]
    public void ALabelledLineIsReadAsTheRegexGroupsReadIt(string text)
    {
        var fields = new FieldLines();
        fields.Read(text, []);

        var match = OldLabel().Match(text);
        if (!match.Success)
        {
            Assert.Empty(fields.Keywords.Concat(fields.Environments).Concat(fields.Tasks).Concat(fields.Datasets.Select(d => d.Label)).Concat(fields.Code.Select(c => c.Label)));
            return;
        }

        var value = match.Groups["value"].Value.Trim();
        var read = match.Groups["label"].Value.ToLowerInvariant() switch
        {
            "keyword" or "keywords" => (fields.Keywords, OldSplitList(value)),
            "env" or "envs" or "environment" or "environments" => (fields.Environments, OldSplitList(value)),
            "task" or "tasks" => (fields.Tasks, value.Length > 0 ? [value.TrimEnd('.')] : []),
            "code" => (fields.Code.Select(c => c.Label).ToList(), value.Length > 0 ? [value.ToLowerInvariant()] : []),
            _ => (fields.Datasets.Select(d => d.Label).ToList(), OldSplitList(value)),
        };
        Assert.Equal(read.Item2, read.Item1);
    }

    [Theory]
    [InlineData("Keyword: a,  b")]
    [InlineData("Code: [official](https://github.com/x/y), [third party](https://github.com/z/w)")]
    [InlineData("Code: official")]
    [InlineData("Dataset: [Foo](https://huggingface.co/datasets/foo), Bar")]
    [InlineData("Datasets; Foo, Bar.")]
    [InlineData("Long Ouyang, Jeff Wu, *et al.*")]
    [InlineData("Task: [Summarization](https://example.org/t).")]
    [InlineData("Tasks: Toolkit for creating, Sharing and using.")]
    [InlineData("Env:\tAtari,\u00A0MuJoCo")]
    [InlineData("ByteDance Seed MLSys Team & HKU: Guangming Sheng, Chi Zhang")]
    public void AMarkdownDetailLineIsReadInPlaceAsFromItsTextAndLinks(string line)
    {
        var paragraph = Markdig.Markdown.Parse(line).OfType<Markdig.Syntax.ParagraphBlock>().Single();
        var inlines = MarkdownInlines.Children(paragraph.Inline);
        var inPlace = new FieldLines(new StringPool());
        var fromText = new FieldLines();

        inPlace.Read(inlines);
        fromText.Read(MarkdownInlines.Text(inlines), MarkdownInlines.Links(inlines));

        Assert.Equal(fromText.People, inPlace.People);
        Assert.Equal(fromText.Truncated, inPlace.Truncated);
        Assert.Equal(fromText.Keywords, inPlace.Keywords);
        Assert.Equal(fromText.Environments, inPlace.Environments);
        Assert.Equal(fromText.Tasks, inPlace.Tasks);
        Assert.Equal(fromText.Code, inPlace.Code);
        Assert.Equal(fromText.Datasets, inPlace.Datasets);
    }

    [Theory]
    [InlineData("Long Ouyang, Jeff Wu, Xu Jiang, et al.")]
    [InlineData("A, B and C")]
    [InlineData("and D, E")]
    [InlineData("Ethayarajh, Kawin and Zhang, Heidi and Wang, Yizhong")]
    [InlineData("ByteDance Seed MLSys Team & HKU: Guangming Sheng, Chi Zhang, etc.")]
    [InlineData(",, A ,  , B.")]
    [InlineData("A and  and B")]
    [InlineData("Foo and Bar, Baz")]
    [InlineData("  A,\tB  and\nC ")]
    [InlineData("")]
    public void NamesAreSplitAsBeforeAndPooled(string text)
    {
        var pool = new StringPool();
        var (people, truncated) = Byline.SplitPeople(text);
        var (pooled, pooledTruncated) = Byline.SplitPeople(text, pool);
        var (again, _) = Byline.SplitPeople(text, pool);

        var (oldPeople, oldTruncated) = OldSplitPeople(text);
        Assert.Equal(oldPeople, people);
        Assert.Equal(oldPeople, pooled);
        Assert.Equal(oldTruncated, truncated);
        Assert.Equal(oldTruncated, pooledTruncated);
        Assert.All(pooled.Zip(again), pair => Assert.Same(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2305.1829v12", "2305.1829")]
    [InlineData("https://arxiv.org/pdf/2305.18290v2.pdf/", "2305.18290")]
    [InlineData("https://arxiv.org/html/2402.01306v1", "2402.01306")]
    [InlineData("https://arxiv.org/format/2402.01306", "2402.01306")]
    [InlineData("https://arxiv.org/abs/math.GT/0309136", "math.gt/0309136")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001")]
    [InlineData("https://ARXIV.org/PDF/Hep-Th/9901001.pdf", "hep-th/9901001")]
    [InlineData("arxiv.org/abs/2305.18290", "2305.18290")]
    [InlineData("https://arxiv.org/abs/2305.182901", null)]
    [InlineData("https://arxiv.org/abs/2305.182", null)]
    [InlineData("https://arxiv.org/list/2305.18290", null)]
    public void AnArxivIdIsReadFromThePathAsTheRegexGroupReadIt(string link, string? id)
    {
        Assert.Equal(id, ArxivId.Parse(link));
        Assert.Equal(id, OldArxivPathId(link));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=x")]
    [InlineData("https://youtube.com/watch?v=x")]
    [InlineData("https://notyoutube.com/watch")]
    [InlineData("https://youtube.com.example.org/")]
    [InlineData("https://IMG.SHIELDS.IO/badge/x")]
    [InlineData("https://img.shields.io/badge/x")]
    [InlineData("https://xshields.io/x")]
    [InlineData("https://example.org/figure.PNG")]
    [InlineData("https://example.org/figure.png?raw=1")]
    [InlineData("pages/figure.png?raw=1")]
    [InlineData("pages/x.md")]
    [InlineData("#papers")]
    [InlineData(" https://arxiv.org/abs/2305.18290 ")]
    [InlineData("ftp://example.org/paper")]
    [InlineData("https://proceedings.mlr.press/v235/x.html")]
    [InlineData("https://www.semanticscholar.org/paper/x")]
    [InlineData("https://arxiv.org.example.com/abs/1")]
    [InlineData("https://notarxiv.org/abs/1")]
    [InlineData("https://medium.com/@x/post")]
    [InlineData("https://docs.google.com/presentation/d/x")]
    public void LinksAreJudgedAsBeforeFromOneUri(string url)
    {
        Assert.Equal(LinkEvidence.IsAbsoluteWebLink(url) && !LinkEvidence.IsImageBadgeOrAnchor(url), LinkEvidence.IsAbsoluteWebLinkToAWork(url));
        Assert.Equal(OldIsImageBadgeOrAnchor(url), LinkEvidence.IsImageBadgeOrAnchor(url));
        Assert.Equal(OldHostIsAny(url, ["youtube.com", "youtu.be", "vimeo.com", "bilibili.com", "slideslive.com", "videolectures.net"]), LinkEvidence.IsVideo(url));
        Assert.Equal(OldIsPaperLink(url), PaperEvidence.IsPaperLink(url));
    }

    [Fact]
    public void TheSameAddressIsParsedOnceAndAnotherAfresh()
    {
        var url = "https://arxiv.org/abs/2305.18290";
        var other = new string(url.AsSpan());

        Assert.True(AbsoluteUri.TryCreate(url, out var first));
        Assert.True(AbsoluteUri.TryCreate(url, out var again));
        Assert.True(AbsoluteUri.TryCreate(other, out var fresh));
        Assert.False(AbsoluteUri.TryCreate("pages/x.md", out var none));

        Assert.Same(first, again);
        Assert.NotSame(first, fresh);
        Assert.Equal(first, fresh);
        Assert.Null(none);
    }

    // The code the fast paths replaced, as it was.
    private static string OldCollapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(ch);
        }

        return builder.ToString();
    }

    private static List<string> OldSplitList(string text) =>
        [.. text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.'))
            .Where(s => s.Length > 0)];

    private static (List<string> People, bool Truncated) OldSplitPeople(string text)
    {
        var truncated = false;
        var line = OldCollapse(text).Trim().TrimEnd('.', ',');
        var etAl = OldEtAl().Match(line);
        if (etAl.Success)
        {
            truncated = true;
            line = line[..etAl.Index].TrimEnd(',', ' ');
        }

        var team = line.IndexOf(": ", StringComparison.Ordinal);
        if (team > 0)
        {
            var (members, cut) = OldSplitPeople(line[(team + 2)..]);
            return ([line[..team].Trim(), .. members], truncated || cut);
        }

        var pairs = line.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (pairs.Length > 1 && pairs.All(p => p.Count(c => c == ',') == 1))
        {
            var reordered = pairs.Select(p => p.Split(',', 2, StringSplitOptions.TrimEntries)).ToList();
            if (reordered.All(r => r.Length == 2 && r[0].Length > 0 && r[1].Length > 0 && !r[1].Contains(' ', StringComparison.Ordinal)))
                return ([.. reordered.Select(r => $"{r[1]} {r[0]}")], truncated);
        }

        var people = new List<string>();
        foreach (var part in line.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in part.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var clean = name.StartsWith("and ", StringComparison.OrdinalIgnoreCase) ? name[4..].Trim() : name;
                if (clean.Length > 0) people.Add(clean);
            }
        }

        return (people, truncated);
    }

    private static string? OldArxivPathId(string link)
    {
        var text = link.Trim();
        if (!Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text, UriKind.Absolute, out var uri)
            || !(uri.Host.Equals("arxiv.org", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".arxiv.org", StringComparison.OrdinalIgnoreCase)))
            return null;
        var path = OldArxivPath().Match(uri.AbsolutePath);
        return path.Success ? path.Groups["id"].Value.ToLowerInvariant() : null;
    }

    private static bool OldIsImageBadgeOrAnchor(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('#')) return true;
        var path = Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) ? uri.AbsolutePath : trimmed.Split('?', '#')[0];
        if (new[] { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico" }.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return true;
        return uri is not null && new[] { "img.shields.io", "badge.fury.io", "badgen.net", "awesome.re", "cdn.rawgit.com" }.Any(h => OldHostIs(uri, h));
    }

    private static bool OldHostIsAny(string url, string[] hosts) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && hosts.Any(h => OldHostIs(uri, h));

    private static bool OldHostIs(Uri uri, string host) =>
        uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith('.' + host, StringComparison.OrdinalIgnoreCase);

    private static bool OldIsPaperLink(string? url)
    {
        string[] paperHosts =
        [
            "arxiv.org", "doi.org", "openreview.net", "aclanthology.org", "aclweb.org", "proceedings.", "papers.nips.cc", "neurips.cc",
            "openaccess.thecvf.com", "dl.acm.org", "ieeexplore.ieee.org", "link.springer.com", "jmlr.org", "mlr.press", "ojs.aaai.org",
            "semanticscholar.org", "sciencedirect.com", "nature.com", "science.org", "biorxiv.org", "ssrn.com", "researchgate.net",
        ];
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return false;
        var host = uri.Host.ToLowerInvariant();
        return paperHosts.Any(h => h.EndsWith('.') ? host.StartsWith(h, StringComparison.Ordinal) || host.Contains('.' + h, StringComparison.Ordinal) : host == h || host.EndsWith('.' + h, StringComparison.CurrentCulture))
            || uri.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^(?<label>Keywords?|Code|Datasets?|Envs?|Environments?|Tasks?)\s*[:;]\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex OldLabel();

    [GeneratedRegex(@",?\s*\bet\s*al\b\.?.*$|,?\s*\betc\b\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex OldEtAl();

    [GeneratedRegex(@"^/(?:abs|pdf|html|format)/(?<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex OldArxivPath();
}
