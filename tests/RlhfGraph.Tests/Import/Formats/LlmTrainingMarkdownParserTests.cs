using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The "Awesome llm training" list (004), read from the real file.</summary>
public sealed class LlmTrainingMarkdownParserTests
{
    private const string List = "awesome-llm-training";

    [Fact]
    public void ABoldTitleLineGivesArxivIdLinksAndCitationsAndTheTabIndentedLineGivesAuthorsAndCode()
    {
        // 004:4 "- **Zephyr: Direct Distillation of LM Alignment**, `arXiv, 2310.16944`, [arxiv](http://arxiv.org/abs/2310.16944v1), [pdf](…), cication: [**1**](…)"
        // 004:6 "\t *Lewis Tunstall, …, Nathan Habib* · ([alignment-handbook](https://github.com/huggingface/alignment-handbook) - huggingface) ![Star](…)"
        var zephyr = SeedLists.Item(List, "Zephyr: Direct Distillation of LM Alignment");

        Assert.Equal(("2310.16944", "arXiv", 1), (zephyr.ArxivId, zephyr.Venue, zephyr.CitationCount));
        Assert.Equal("http://arxiv.org/abs/2310.16944v1", zephyr.Url);
        Assert.Equal([new ListLink("pdf", "http://arxiv.org/pdf/2310.16944v1.pdf")], zephyr.Links);
        Assert.Equal(10, zephyr.People.Count);
        Assert.Equal(("Lewis Tunstall", "Clémentine Fourrier"), (zephyr.People[0], zephyr.People[8]));
        Assert.Equal([new ListLink("alignment-handbook", "https://github.com/huggingface/alignment-handbook")], zephyr.Code);
        Assert.Equal("huggingface", zephyr.Organization);
    }

    [Fact]
    public void ATitleWrappedOverTwoLinesIsOneTitle()
    {
        // 004:9-10 "- **Don't throw away your value model! Making PPO even better via" / "  Value-Guided Monte-Carlo Tree Search decoding**, `arXiv, 2309.15028`, …"
        var item = SeedLists.Item(List, "Don't throw away your value model! Making PPO even better via Value-Guided Monte-Carlo Tree Search decoding");

        Assert.Equal(("2309.15028", 9), (item.ArxivId, item.Line));
        Assert.Equal(6, item.People.Count);
        // "([jiqizhixin](https://www.jiqizhixin.com/…))" is a write-up, not code.
        Assert.Empty(item.Code);
    }

    [Fact]
    public void AnUnknownCitationCountIsNoCountNotMinusOne()
    {
        // 004:17 "…, cication: [**-1**](None)"
        var item = SeedLists.Item(List, "Contrastive Preference Learning: Learning from Human Feedback without RL");

        Assert.Null(item.CitationCount);
        Assert.Equal("Dorsa Sadigh", item.People[^1]);
    }

    [Fact]
    public void ProjectsAreCodebasesWithTheirDescriptionAndPlainLinksAreBlogs()
    {
        // 004:83-85 "- [**trl**](https://github.com/huggingface/trl) - huggingface ![Star](…)" / "\t *Train transformer language models with reinforcement learning.*"
        var trl = SeedLists.Item(List, "trl");
        // 004:13 "- [The N Implementation Details of RLHF with PPO](https://huggingface.co/blog/…)"
        var blog = SeedLists.Item(List, "The N Implementation Details of RLHF with PPO");

        Assert.Equal((SectionKind.Codebases, "huggingface"), (trl.SectionKind, trl.Organization));
        Assert.Equal("Train transformer language models with reinforcement learning.", trl.Description);
        Assert.Empty(blog.People);
        Assert.Null(blog.ArxivId);
        Assert.Empty(SeedLists.Parse(List).Skipped);
    }
}
