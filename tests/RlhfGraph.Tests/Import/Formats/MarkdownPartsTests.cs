using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>A list parsed a part at a time (a heading at the start of a line starts a part) reads exactly as the whole document.</summary>
public sealed class MarkdownPartsTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    private const string TwoSections = """
        # A list

        ## Papers

        ### 2023
        - [First](https://arxiv.org/abs/2301.00001)
          - Ada Lovelace, Alan Turing
        - [Second](https://arxiv.org/abs/2302.00002)

        ### 2022
        - [Third](https://arxiv.org/abs/2201.00003)
          - Grace Hopper
        """;

    /// <summary>
    /// Every block and inline with its type, line, column and literal text, in document order; lists themselves left out,
    /// since a list cut before a bullet is two lists of the same items (the readers walk the items).
    /// </summary>
    private static List<string> Shape(IEnumerable<MarkdownDocument> documents) =>
        [.. documents.SelectMany(d => d.Descendants()).Where(n => n is not ListBlock).Select(n => $"{n.GetType().Name} {n.Line}:{n.Column} {(n as LiteralInline)?.Content}")];

    private static List<string> WholeShape(string text) => Shape([Markdown.Parse(text, Pipeline)]);

    [Fact]
    public void EveryHeadingAtTheStartOfALineStartsAPartAndLinesStayTheFiles()
    {
        var parts = MarkdownParts.Parse(TwoSections, Pipeline).ToList();

        Assert.Equal(4, parts.Count);
        Assert.Equal([0, 2, 4, 9], parts.Select(p => p[0].Line));
        Assert.Equal(WholeShape(TwoSections), Shape(MarkdownParts.Parse(TwoSections, Pipeline)));
    }

    [Fact]
    public void ItemsInLaterPartsKeepTheirLineAndTheHeadingsAboveThem()
    {
        var items = new OpenDilabMarkdownParser().Parse("s", TwoSections).Items;

        Assert.Equal(
            [("First", 6, "Papers / 2023"), ("Second", 8, "Papers / 2023"), ("Third", 11, "Papers / 2022")],
            items.Select(i => (i.Title, i.Line, i.Section!)));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], items[0].People);
        Assert.Equal(2022, items[2].SectionYear);
    }

    [Fact]
    public void AListWithNoHeadingsIsOnePart()
    {
        const string text = "- [Only](https://arxiv.org/abs/2301.00001)\n- [Other](https://arxiv.org/abs/2301.00002)\n";

        var part = Assert.Single(MarkdownParts.Parse(text, Pipeline));

        Assert.Equal(2, part.Descendants<ListItemBlock>().Count());
        Assert.Equal(2, new AwesomeMarkdownParser().Parse("s", "## Papers\n" + text).Items.Count);
    }

    [Fact]
    public void AHashLineInsideAFencedCodeBlockDoesNotSplitIt()
    {
        const string text = "## Setup\n\n```sh\n# install\npip install x\n# run\n```\nThen run it.\n\n## Papers\n- [A](https://arxiv.org/abs/2301.00001)\n";

        var parts = MarkdownParts.Parse(text, Pipeline).ToList();

        Assert.Equal(2, parts.Count);
        var code = Assert.Single(parts[0].Descendants<FencedCodeBlock>());
        Assert.Equal("# install\npip install x\n# run", code.Lines.ToString());
        Assert.Equal(WholeShape(text), Shape(parts));
    }

    [Fact]
    public void AHashLineRightAfterAnHtmlBlockStaysHtml()
    {
        // CommonMark: "<div …>" runs until a blank line, so "# Awesome" under it is HTML, not a heading.
        const string text = "<div align=\"center\">\n# Awesome\n</div>\n\n## Papers\n- [A](https://arxiv.org/abs/2301.00001)\n";

        Assert.DoesNotContain(Markdown.Parse(text, Pipeline).Descendants<HeadingBlock>(), h => h.Level == 1);
        Assert.Equal(WholeShape(text), Shape(MarkdownParts.Parse(text, Pipeline)));
    }

    [Fact]
    public void ALinkReferenceDefinitionKeepsTheListWhole()
    {
        // "[dpo]: url" may be used in a section above it, and Markdig resolves references per document.
        const string text = "## Papers\n- [DPO][dpo]\n\n## Links\n[dpo]: https://arxiv.org/abs/2305.18290\n";

        var part = Assert.Single(MarkdownParts.Parse(text, Pipeline));

        Assert.Equal("https://arxiv.org/abs/2305.18290", part.Descendants<LinkInline>().Single().Url);
    }

    [Fact]
    public void LineEndingsOfEveryKindCountAsMarkdigCountsThem()
    {
        const string text = "## A\r\n- [x](https://a.org)\r## B\n\n- [y](https://b.org)\r\n## C\n- [z](https://c.org)";

        Assert.Equal(3, MarkdownParts.Parse(text, Pipeline).Count());
        Assert.Equal(WholeShape(text), Shape(MarkdownParts.Parse(text, Pipeline)));
    }

    [Fact]
    public void ALongSectionIsCutBeforeABulletAndAnItemsIndentedLinesStayWithIt()
    {
        var section = "## Papers\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"- [Paper {i}](https://arxiv.org/abs/2301.{i:00000})\n  - Ada Lovelace\n"));

        var parts = MarkdownParts.Parse(section, Pipeline, longPart: 1000).ToList();

        Assert.InRange(parts.Count, 3, 10);
        Assert.All(parts.Skip(1), p => Assert.IsType<ListBlock>(p[0]));
        Assert.Equal(40, parts.Sum(p => p.Descendants<ListItemBlock>().Count(i => i.Column == 0)));
        Assert.Equal(WholeShape(section), Shape(parts));
    }

    [Fact]
    public void AReaderThatStopsEarlyGetsThePartsItReadInOrder()
    {
        var section = "## Papers\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"- [Paper {i}](https://arxiv.org/abs/2301.{i:00000})\n"));

        // Parts are parsed at most one ahead of the reader, on another thread: leaving after two must neither hang nor throw, and what was read is in order.
        var firstTwo = MarkdownParts.Parse(section, Pipeline, longPart: 100).Take(2).ToList();

        Assert.Equal(2, firstTwo.Count);
        Assert.IsType<HeadingBlock>(firstTwo[0][0]);
        Assert.NotEmpty(firstTwo[1].Descendants<ListItemBlock>());
        var read = firstTwo.SelectMany(d => d.Descendants<ListItemBlock>()).Select(i => i.Line).ToList();
        Assert.Equal(Markdig.Markdown.Parse(section, Pipeline).Descendants<ListItemBlock>().Select(i => i.Line).Take(read.Count), read);
    }

    [Fact]
    public void AThematicBreakIsNotTakenForABullet()
    {
        const string text = "## Papers\n- [A](https://a.org)\n\n* * *\n\n- [B](https://b.org)\n";

        var parts = MarkdownParts.Parse(text, Pipeline, longPart: 0).ToList();

        Assert.Equal(["HeadingBlock", "ListBlock", "ListBlock"], parts.Select(p => p[0].GetType().Name));
        Assert.IsType<ThematicBreakBlock>(parts[1][1]);
        Assert.Equal(WholeShape(text), Shape(MarkdownParts.Parse(text, Pipeline, longPart: 0)));
    }

    [Fact]
    public void EverySeedAndSharedListReadsInPartsExactlyAsWhole()
    {
        var files = Directory.GetFiles(TestDatabase.SeedDirectory, "*.md").ToList();
        if (SharedListImportTests.Folder() is { } shared) files.AddRange(Directory.GetFiles(shared, "*.md"));
        files.AddRange(Directory.GetFiles(AwesomeMarkdownParserTests.FixturePath(""), "*.md"));

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // Cut wherever a part may start (before every heading and bullet at the start of a line), not only in long sections.
            Assert.True(MarkdownParts.Parse(text, Pipeline, longPart: 0).Count() > 1 || !text.Contains("\n#", StringComparison.Ordinal), $"{file} was not split");
            var (whole, parts) = (WholeShape(text), Shape(MarkdownParts.Parse(text, Pipeline, longPart: 0)));
            var differs = Enumerable.Range(0, Math.Min(whole.Count, parts.Count)).FirstOrDefault(i => whole[i] != parts[i], -1);
            Assert.True(differs < 0 && whole.Count == parts.Count,
                $"{file}: at {differs}: {string.Join(" | ", whole.Skip(differs - 3).Take(5))} vs {string.Join(" | ", parts.Skip(differs - 3).Take(5))}");
        }
    }
}
