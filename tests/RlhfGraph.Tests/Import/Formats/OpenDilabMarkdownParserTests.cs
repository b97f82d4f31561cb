using RlhfGraph.Persistence.Import.Formats;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The opendilab 2023 list (001), read from the real file.</summary>
public sealed class OpenDilabMarkdownParserTests
{
    private const string List = "awesome-rlhf-opendilab-2023";

    [Fact]
    public void AnItemCarriesItsAliasTruncatedBylineKeywordsOfficialCodeAndDatasets()
    {
        // 001:164-168 "- [Training language models to follow instructions with human feedback](…) (InstructGPT)", "Long Ouyang, Jeff Wu, Xu Jiang, et al.",
        // "Keyword: …", "Code: [official](https://github.com/openai/following-instructions-human-feedback)", "Dataset: [TruthfulQA](…), [RealToxicityPrompts](…)"
        var item = SeedLists.Item(List, "Training language models to follow instructions with human feedback");

        Assert.Equal(("InstructGPT", 2022), (item.Alias, item.SectionYear));
        Assert.Equal(["Long Ouyang", "Jeff Wu", "Xu Jiang"], item.People);
        Assert.True(item.PeopleTruncated);
        Assert.Equal(["Large Language Model", "Align Language Model with Human Intent"], item.Keywords);
        Assert.Equal([new ListLink("official", "https://github.com/openai/following-instructions-human-feedback")], item.Code);
        Assert.Equal(["TruthfulQA", "RealToxicityPrompts"], item.Datasets.Select(d => d.Label));
    }

    [Fact]
    public void TheDatasetSemicolonTypoIsStillADatasetLine()
    {
        // 001:127 "  - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)"
        var item = SeedLists.Item(List, "The Capacity for Moral Self-Correction in Large Language Models");

        Assert.Equal([new ListLink("BBQ", "https://github.com/nyu-mll/BBQ")], item.Datasets);
        Assert.Equal(["Anthropic"], item.People);
    }

    [Fact]
    public void EnvironmentsAndTasksAreKeptApartFromKeywords()
    {
        // 001:275-279 "- [TextRL](https://github.com/voidful/TextRL)", "Eric Lam", "Keyword: huggingface's transformer", "Task: Text generation", "Env: PFRL, gym"
        var textRl = SeedLists.Item(List, "TextRL");

        Assert.Equal(SectionKind.Codebases, textRl.SectionKind);
        Assert.Equal(["PFRL", "gym"], textRl.Environments);
        Assert.Equal(["Text generation"], textRl.Tasks);
        Assert.Equal(["huggingface's transformer"], textRl.Keywords);
        Assert.Equal(["Eric Lam"], textRl.People);
    }

    [Fact]
    public void LastCommaFirstBylinesAreReordered()
    {
        // 001:285 "  - Ethayarajh, Kawin and Zhang, Heidi and Wang, Yizhong and Jurafsky, Dan"
        var shp = SeedLists.Item(List, "Stanford Human Preferences Dataset(SHP)");

        Assert.Equal(["Kawin Ethayarajh", "Heidi Zhang", "Yizhong Wang", "Dan Jurafsky"], shp.People);
    }

    [Fact]
    public void BlogTagsBecomeTheOrganisationEvenWhenGluedToTheTitleLink()
    {
        // 001:303 "- [OpenAI] [ChatGPT: Optimizing Language Models for Dialogue](https://openai.com/blog/chatgpt)"
        var chatGpt = SeedLists.Item(List, "ChatGPT: Optimizing Language Models for Dialogue");
        // 001:307 "- [W&B Fully Connected][ Understanding Reinforcement Learning from Human Feedback (RLHF)](https://wandb.ai/…)":
        // Markdig keeps the unmatched "[" as a container around the title link.
        var wandb = SeedLists.Item(List, "Understanding Reinforcement Learning from Human Feedback (RLHF)");

        Assert.Equal((SectionKind.Blogs, "OpenAI"), (chatGpt.SectionKind, chatGpt.Organization));
        Assert.Equal((SectionKind.Blogs, "W&B Fully Connected", 307), (wandb.SectionKind, wandb.Organization, wandb.Line));
        Assert.StartsWith("https://wandb.ai/ayush-thakur/RLHF/reports/", wandb.Url, StringComparison.Ordinal);
        Assert.Empty(SeedLists.Parse(List).Skipped);
    }

    [Fact]
    public void TheOverviewProseAndTableOfContentsAreNotItems()
    {
        // 001:11-15 is the table of contents, 001:19-40 the overview with its own bullet points ("- RLHF for Large Language Model (LLM)").
        var parsed = SeedLists.Parse(List);

        Assert.DoesNotContain(parsed.Items, i => i.Title.Contains("RLHF for Large Language Model", StringComparison.Ordinal) || i.Title == "Papers");
        Assert.All(parsed.Items, i => Assert.NotNull(i.Section));
    }
}
