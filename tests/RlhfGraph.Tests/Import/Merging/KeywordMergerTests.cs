using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Import.Merging;

namespace RlhfGraph.Tests.Import.Merging;

public sealed class KeywordMergerTests
{
    [Fact]
    public void EveryMentionOfASpellingCountsTowardsTheKeywordsName()
    {
        // Each written keyword is resolved once and remembered: the second and third "LLM" must still count.
        var graph = new ImportGraph();
        var keywords = new KeywordMerger(graph);
        var keys = new[] { "LLMs", "LLM", "LLM.", "LLM" }.Select(k => keywords.Add(k, KeywordCategory.Topic)).ToList();
        keywords.Complete();

        Assert.Single(keys.Distinct());
        var keyword = Assert.Single(graph.Keywords);
        Assert.Equal("topic:llm", keyword.Key);
        Assert.Equal("LLM", keyword.Name);
    }

    [Fact]
    public void TheFirstSpellingSeenNamesAKeywordOnATie()
    {
        var graph = new ImportGraph();
        var keywords = new KeywordMerger(graph);
        foreach (var spelling in (string[])["Reward Shaping", "reward shaping", "reward shaping", "Reward Shaping"]) keywords.Add(spelling, KeywordCategory.Topic);
        keywords.Complete();

        Assert.Equal("Reward Shaping", Assert.Single(graph.Keywords).Name);
    }

    [Fact]
    public void OneSpellingInTwoCategoriesIsTwoKeywordsAndWordlessSpellingsNone()
    {
        var graph = new ImportGraph();
        var keywords = new KeywordMerger(graph);

        Assert.Equal("topic:atari", keywords.Add("Atari", KeywordCategory.Topic));
        Assert.Equal("environment:atari", keywords.Add("Atari", KeywordCategory.Environment));
        Assert.Null(keywords.Add("--", KeywordCategory.Topic));
        Assert.Null(keywords.Add("--", KeywordCategory.Topic));
        Assert.Equal(2, graph.Keywords.Count);
    }
}
