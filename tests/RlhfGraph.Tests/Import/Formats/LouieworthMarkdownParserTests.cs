using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The louieworth lists (000, and its older sibling 002), read from the real files.</summary>
public sealed class LouieworthMarkdownParserTests
{
    private const string Rlhf = "awesome-rlhf-louieworth-2024";
    private const string OfflineRl = "awesome-offline-rl-louieworth";

    [Fact]
    public void AnIndentedBylineGivesAuthorsInOrderVenueAndYear()
    {
        // 000:100 "  - Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, Christopher D. Manning, Chelsea Finn. NeurIPS, 2023."
        var dpo = SeedLists.Item(Rlhf, "Direct Preference Optimization: Your Language Model is Secretly a Reward Model");

        Assert.Equal(["Rafael Rafailov", "Archit Sharma", "Eric Mitchell", "Stefano Ermon", "Christopher D. Manning", "Chelsea Finn"], dpo.People);
        Assert.Equal(("NeurIPS", 2023), (dpo.Venue, dpo.Year));
        Assert.Equal("http://arxiv.org/abs/2305.18290", dpo.Url);
        Assert.Equal("Papers / RLHF for LLMs: Theory / Methods", dpo.Section);
    }

    [Fact]
    public void AnEmptyLinkIsATitleWithoutUrlAndItsParagraphBylineStillCounts()
    {
        // 000:47 "- [Aligning Large Language Models with Human Preferences through Representation Engineering]()"
        // 000:49 "Wenhao Liu, Xiaohua Wang, …, Xuanjing Huang" as a paragraph of its own.
        var item = SeedLists.Item(Rlhf, "Aligning Large Language Models with Human Preferences through Representation Engineering");

        Assert.Null(item.Url);
        Assert.Equal(47, item.Line);
        Assert.Equal(10, item.People.Count);
        Assert.Equal(("Wenhao Liu", "Xuanjing Huang"), (item.People[0], item.People[^1]));
    }

    [Fact]
    public void AnUnindentedAuthorLineBelongsToTheItemAboveIt()
    {
        // 000:70-71: "- [A General Theoretical Paradigm …](http://arxiv.org/abs/2310.12036)" then
        // "- Mohammad Gheshlaghi Azar, …, R´emi Munos. arXiv, 2023." as a sibling list item.
        var item = Assert.Single(SeedLists.Parse(Rlhf).Items, i => i.Line == 70);

        Assert.Equal("A General Theoretical Paradigm to Understand Learning from Human Preferences", item.Title);
        Assert.Equal(7, item.People.Count);
        Assert.Equal("R´emi Munos", item.People[^1]);
        Assert.Equal(("arXiv", 2023), (item.Venue, item.Year));
        Assert.DoesNotContain(SeedLists.Parse(Rlhf).Items, i => i.Line == 71);
    }

    [Fact]
    public void ATwoLetterSurnameBeforeTheVenueIsANameNotAnInitial()
    {
        // 000:51 "  - Ziniu Li, Tian Xu, Yang Yu. arXiv, 2023."
        var item = SeedLists.Item(Rlhf, "Policy Optimization in RLHF: The Impact of Out-of-preference Data");

        Assert.Equal(["Ziniu Li", "Tian Xu", "Yang Yu"], item.People);
        Assert.Equal(("arXiv", 2023), (item.Venue, item.Year));
        Assert.Equal("https://arxiv.org/pdf/2312.10584.pdf", item.Url);
    }

    [Fact]
    public void TalksNameTheirVenueAndReportsCreditAnOrganisation()
    {
        // 000:195-196 "- [Reinforcement Learning from Human Feedback: From Zero to chatGPT](…)" / "- Nathan Lambert, Hugging Face, 2022."
        var talk = SeedLists.Item(Rlhf, "Reinforcement Learning from Human Feedback: From Zero to chatGPT");
        // 000:206-207 "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774)" / "  - OpenAI, 2023."
        var report = SeedLists.Item(Rlhf, "GPT-4 Technical Report");

        Assert.Equal((SectionKind.Talks, "Hugging Face", 2022), (talk.SectionKind, talk.Venue, talk.Year));
        Assert.Equal(["Nathan Lambert"], talk.People);
        Assert.Equal((SectionKind.Reports, 2023), (report.SectionKind, report.Year));
        Assert.Equal(["OpenAI"], report.People);
    }

    [Fact]
    public void AnEntryThatIsNotAListItemIsStillAnEntryAndProseIsNot()
    {
        // 002:128-130: "[UltraFeedback: …](https://arxiv.org/abs/2310.01377)" as a paragraph, a blank line, then its byline.
        var ultra = SeedLists.Item(OfflineRl, "UltraFeedback: Boosting Language Models with High-quality Feedback");
        var parsed = SeedLists.Parse(OfflineRl);

        Assert.Equal((SectionKind.Datasets, 128), (ultra.SectionKind, ultra.Line));
        Assert.Equal(9, ultra.People.Count);
        Assert.Equal(("arXiv", 2023), (ultra.Venue, ultra.Year));
        // 002:3-19 is prose, the maintainer's line and a contribution template: none of it is an item or a skip.
        Assert.All(parsed.Items, i => Assert.True(i.Line > 19, $"{i.Line}: {i.Title}"));
        Assert.Empty(parsed.Skipped);
    }

    [Fact]
    public void CodebasesKeepTheirDescription()
    {
        // 002:167-168 "- [OpenRLHF](https://github.com/OpenLLMAI/OpenRLHF)" / "  - A Ray-based High-performance RLHF framework (for 34b+ models)"
        var openRlhf = SeedLists.Item(OfflineRl, "OpenRLHF");

        Assert.Equal(SectionKind.Codebases, openRlhf.SectionKind);
        Assert.Equal("https://github.com/OpenLLMAI/OpenRLHF", openRlhf.Url);
        Assert.Contains("Ray-based High-performance RLHF framework", openRlhf.Description, StringComparison.Ordinal);
        Assert.Empty(openRlhf.People);
    }
}
