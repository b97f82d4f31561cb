using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>
/// The evidence rules every parser's items go through (Formats/ItemEvidence), on items as parsers write them: what an item is and
/// what its title is come from the item, whichever parser read it.
/// </summary>
public sealed class ItemEvidenceTests
{
    private static ListItem Item(string title, string? url, SectionKind section, IReadOnlyList<string>? people = null) => new()
    {
        Source = "test", Line = 1, Title = title, Url = url, SectionKind = section, Section = section.ToString(), People = people ?? [],
    };

    [Theory]
    // opendilab-newest:817 writes the byline into its link text; 003 after "Books - " as plain text.
    [InlineData("Reinforcement Learning from Human Feedback by Nathan Lambert", "https://rlhfbook.com/", SectionKind.Books)]
    [InlineData("Reinforcement Learning from Human Feedback by Nathan Lambert", null, SectionKind.Books)]
    [InlineData("Reinforcement Learning from Human Feedback by Nathan Lambert", "https://example.org/rlhf-talk", SectionKind.Talks)]
    public void ATrailingByAndANameOnABookBlogOrTalkIsItsBylineNotPartOfItsTitle(string title, string? url, SectionKind section)
    {
        var (item, reason) = ItemEvidence.Decide(Item(title, url, section), linkless: url is null);

        Assert.Null(reason);
        Assert.Equal(("Reinforcement Learning from Human Feedback", section), (item!.Title, item.SectionKind));
        Assert.Equal(["Nathan Lambert"], item.People);
    }

    [Theory]
    // A paper's title may end in "by" and capitalised words that are no byline.
    [InlineData("Learning Rewards by Human Feedback", "https://arxiv.org/abs/2001.00001", SectionKind.Papers)]
    // "by" and words that are no name: the title stays whole.
    [InlineData("Alignment by the numbers", "https://rlhf-by-numbers.example.org/", SectionKind.Books)]
    public void ByAndWordsThatAreNotABylineStayInTheTitle(string title, string url, SectionKind section)
    {
        var (item, _) = ItemEvidence.Decide(Item(title, url, section));

        Assert.Equal(title, item!.Title);
        Assert.Empty(item.People);
    }

    [Fact]
    public void AnItemThatNamesItsAuthorsKeepsThemOverTheTitlesBy()
    {
        var (item, _) = ItemEvidence.Decide(Item("The RLHF Handbook by Nathan Lambert", "https://rlhfbook.com/", SectionKind.Books, ["Nathan Lambert", "Costa Huang"]));

        Assert.Equal("The RLHF Handbook", item!.Title);
        Assert.Equal(["Nathan Lambert", "Costa Huang"], item.People);
    }

    [Theory]
    // 004:95, under "### Other": a news site's article (www.jiqizhixin.com/articles/2023-10-07-7), not a paper; " | 机器之心" is its site.
    [InlineData(95, "LLM成功不可或缺的基石：RLHF及其替代技术", SectionKind.Blogs, "机器之心")]
    // 004:91: "[RLHF实践 - 知乎](https://zhuanlan.zhihu.com/p/635569455)": Zhihu's column, the site after " - ".
    [InlineData(91, "RLHF实践", SectionKind.Blogs, "知乎")]
    // 004:30: "… – The Berkeley Artificial Intelligence Research Blog" (bair.berkeley.edu/blog/…).
    [InlineData(30, "Rethinking the Role of PPO in RLHF", SectionKind.Blogs, "The Berkeley Artificial Intelligence Research Blog")]
    // 004:88: Sebastian Raschka's magazine (magazine.sebastianraschka.com/p/…).
    [InlineData(88, "LLM Training: RLHF and Its Alternatives", SectionKind.Blogs, null)]
    // 004:68 (and 94): an ICML tutorial's Google Slides deck is a talk's.
    [InlineData(68, "ICML '23 Tutorial on Reinforcement Learning from Human Feedback", SectionKind.Talks, null)]
    // 004:4, under "## Alignment": `arXiv, 2310.16944` and an arXiv link make a paper whatever the heading (its code line names the organisation).
    [InlineData(4, "Zephyr: Direct Distillation of LM Alignment", SectionKind.Papers, "huggingface")]
    public void TheSeedsDedicatedParsersItemsAreWhatTheirEvidenceSays(int line, string title, SectionKind kind, string? site)
    {
        var item = Assert.Single(SeedLists.Parse("awesome-llm-training").Items, i => i.Line == line);

        Assert.Equal((title, kind, site), (item.Title, item.SectionKind, item.Organization));
    }

    [Fact]
    public void TheYouTubeTalkIsATalkBySpeakerJohnSchulmanInTheMarkdownListAndTheFlattenedOneAlike()
    {
        // 001:312 "[YouTube] [John Schulman - Reinforcement Learning from Human Feedback: Progress and Challenges](https://www.youtube.com/watch?v=hhiLw5Q_UFg)";
        // 003 lost the link but kept the tag: "YouTube John Schulman - Reinforcement Learning from Human Feedback: Progress and Challenges".
        const string title = "Reinforcement Learning from Human Feedback: Progress and Challenges";

        foreach (var list in (string[])["awesome-rlhf-opendilab-2023", "awesome-rlhf-opendilab-2025"])
        {
            var talk = SeedLists.Item(list, title);
            Assert.Equal((SectionKind.Talks, "John Schulman"), (talk.SectionKind, Assert.Single(talk.People)));
        }
    }
}
