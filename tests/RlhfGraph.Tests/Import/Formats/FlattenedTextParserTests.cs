using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The opendilab 2025 list flattened to one line (003), read from the real file; positions are 1-based columns.</summary>
public sealed class FlattenedTextParserTests
{
    private const string List = "awesome-rlhf-opendilab-2025";

    [Fact]
    public void AYearHeadingGluedToTheEndOfAFieldStartsItsSection()
    {
        // col 7324 (after "Code: Official 2024 - "): "… - Code: Official 2024 - DPO Meets PPO: Reinforced Token Optimization for RLHF - Han Zhong, Zikang Shan, …"
        var item = SeedLists.Item(List, "DPO Meets PPO: Reinforced Token Optimization for RLHF");

        Assert.Equal(("Papers / 2024", 2024, SectionKind.Papers), (item.Section, item.SectionYear, item.SectionKind));
        Assert.Equal(("Han Zhong", 9), (item.People[0], item.People.Count));
        Assert.Equal(["Token-wise Reward", "DPO", "PPO", "RLHF"], item.Keywords);
        Assert.Equal((1, 7324), (item.Line, item.Column));
    }

    [Fact]
    public void CodeOfficialWithoutALinkIsOfficialCodeWithNoUrl()
    {
        // col 10897: "Direct Large Language Model Alignment Through Self-Rewarding Contrastive Prompt Distillation - Aiwei Liu, … - Keyword: … - Code: Official"
        var item = SeedLists.Item(List, "Direct Large Language Model Alignment Through Self-Rewarding Contrastive Prompt Distillation");

        Assert.Equal([new ListLink("official", null)], item.Code);
        Assert.Equal(8, item.People.Count);
    }

    [Fact]
    public void TitlesContainingTheSeparatorAreJoinedBackTogether()
    {
        // col 34931: "PaLM + RLHF - Pytorch - Phil Wang, Yachine Zahidi, Ikko Eltociear Ashimine, Eric Alcaide - Keyword: … - Dataset: enwik8"
        var palm = SeedLists.Item(List, "PaLM + RLHF - Pytorch");
        // col 39320: "Stable Alignment - Alignment Learning in Social Games - Ruibo Liu, Ruixin Ray Yang, Qiang Peng - Keyword: …"
        var stable = SeedLists.Item(List, "Stable Alignment - Alignment Learning in Social Games");

        Assert.Equal((SectionKind.Codebases, "Phil Wang"), (palm.SectionKind, palm.People[0]));
        Assert.Equal([new ListLink("enwik8", null)], palm.Datasets);
        Assert.Equal((SectionKind.Datasets, 3), (stable.SectionKind, stable.People.Count));
        Assert.Equal(["Train on the recorded interaction data in simulated social games"], stable.Tasks);
    }

    [Fact]
    public void ABylineWithOneCarelessNameIsStillABylineNotPartOfTheTitle()
    {
        // col 25863: "Aligning Text-to-Image Models using Human Feedback - Kimin Lee, Hao liu, MoonKyung Ryu, … - Keyword: Text-to-Image, …"
        var item = SeedLists.Item(List, "Aligning Text-to-Image Models using Human Feedback");

        Assert.Equal(["Kimin Lee", "Hao liu", "MoonKyung Ryu"], item.People.Take(3));
        Assert.Equal(9, item.People.Count);
    }

    [Fact]
    public void TheTableOfContentsAndOverviewAreNotItems()
    {
        // col 403: "Table of Contents - Awesome RLHF RL with Human Feedback - Table of Contents - Overview of RLHF - … - Papers - 2025 - …"
        var parsed = SeedLists.Parse(List);

        Assert.All(parsed.Items, i => Assert.True(i.Column > 1000, $"{i.Column}: {i.Title}"));
        Assert.DoesNotContain(parsed.Items, i => i.Title is "Overview of RLHF" or "Papers" or "Contributing");
        Assert.Equal(["Blogs", "Books", "Codebases", "Dataset", "Papers / 2020 and before", "Papers / 2021", "Papers / 2022", "Papers / 2023", "Papers / 2024", "Papers / 2025"],
            parsed.Items.Select(i => i.Section!).Distinct().Order(StringComparer.Ordinal));
        // The one skip is the picture under Blogs (see below).
        Assert.Contains("an image", Assert.Single(parsed.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BlogsTakeTheirPublisherAndAPictureIsReportedNotImported()
    {
        // col 40512: "- Weixun Wang Overview of RLHF+LLM%2BLLM%E7%9A%84%E7%89%87%E9%9D%A2%E8%84%89%E7%BB%9C.JPG - Lilian Weng Reward Hacking …":
        // the picture's decoded file name is its only title; an image is never a work (issue 19).
        var parsed = SeedLists.Parse(List);
        Assert.DoesNotContain(parsed.Items, i => i.Organization == "Weixun Wang");
        Assert.Contains("\"Overview of RLHF+LLM+LLM的片面脉络.JPG\"", Assert.Single(parsed.Skipped).Reason, StringComparison.Ordinal);
        var reward = SeedLists.Item(List, "Reward Hacking in Reinforcement Learning");

        Assert.Equal((SectionKind.Blogs, "Lilian Weng"), (reward.SectionKind, reward.Organization));
    }
}
