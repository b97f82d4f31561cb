using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Merging;
using RlhfGraph.Persistence.Import.Normalization;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import.Normalization;

/// <summary>The pure merge rules, each with the list text that needed it.</summary>
public sealed class NormalizationRuleTests
{
    [Theory]
    [InlineData("http://arxiv.org/abs/2305.18290", "2305.18290")] // 000:100
    [InlineData("https://arxiv.org/pdf/2312.10584.pdf", "2312.10584")] // 000:50
    [InlineData("https://arxiv.org/abs/2312.00886v2", "2312.00886")]
    [InlineData("https://export.arxiv.org/abs/2310.10477", "2310.10477")] // 000:76
    [InlineData("http://arxiv.org/pdf/2310.16944v1.pdf", "2310.16944")] // 004:4
    [InlineData("2310.16944", "2310.16944")] // 004:4 "`arXiv, 2310.16944`"
    [InlineData("arXiv:1706.03741v3", "1706.03741")]
    [InlineData("https://arxiv.org/abs/cs/0601001v1", "cs/0601001")]
    public void EveryArxivLinkFormIsOneVersionlessId(string link, string id) => Assert.Equal(id, ArxivId.Parse(link));

    [Theory]
    [InlineData("https://cdn.openai.com/papers/gpt-4.pdf")] // 001:70
    [InlineData("https://openreview.net/forum?id=VSJotgbPHF")] // 000:179
    [InlineData("https://notarxiv.org/abs/2305.18290")]
    [InlineData("")]
    [InlineData(null)]
    public void LinksThatAreNotArxivHaveNoArxivId(string? link) => Assert.Null(ArxivId.Parse(link));

    [Theory]
    [InlineData("https://lilianweng.github.io/posts/2024-11-28-reward-hacking/", 2024)] // opendilab-newest:813, 003
    [InlineData("https://example.org/blog/2023/05/notes", 2023)]
    [InlineData("https://example.org/2019/12/31/notes.html", 2019)]
    [InlineData("https://example.org/blog/cvpr2023/notes", null)]
    [InlineData("https://example.org/archive/2023/notes", null)]
    [InlineData("https://example.org/2023-13-01-notes", null)]
    [InlineData("https://example.org/v12024-11-notes", null)]
    [InlineData("https://arxiv.org/abs/2401.10003", null)]
    [InlineData("https://example.org/notes?date=2024-11-28", null)]
    [InlineData(null, null)]
    public void AYearIsReadFromAFullDateInAnAddressPathOnly(string? link, int? year) => Assert.Equal(year, LinkEvidence.DatedYear(link));

    [Theory]
    [InlineData("https://huggingface.co/docs/trl/index", "trl")] // the segment before "index"
    [InlineData("http://rl-diffusion.github.io/", "rl-diffusion")] // opendilab-newest:335, a project site
    [InlineData("https://aligndiff.github.io/", "aligndiff")] // opendilab-newest:340
    [InlineData("https://someone.github.io/projects/reward-lab/", "reward-lab")]
    [InlineData("https://www.carper.ai/", "carper.ai")] // jordimas:55
    [InlineData("https://example.org/a%20b", "a b")]
    [InlineData("pages/x.md", null)]
    [InlineData(null, null)]
    public void APageIsNamedByItsLastPathSegmentElseItsSiteElseItsHost(string? link, string? name) => Assert.Equal(name, WebUrl.Name(link));

    private const string CvfPage = "https://openaccess.thecvf.com/content/CVPR2024/html/Yu_RLHF-V_Towards_Trustworthy_MLLMs_via_Behavior_Alignment_from_Fine-grained_Correctional_CVPR_2024_paper.html";

    [Theory]
    // opendilab-newest:266 and :256: the page named for RLHF-V, pasted under another paper's title too.
    [InlineData(CvfPage, "Rlhf-v: Towards trustworthy mllms via behavior alignment from fine-grained correctional human feedback", 0.8, 1.0)]
    [InlineData(CvfPage, "Dense Reward for Free in Reinforcement Learning from Human Feedback", 0.0, 0.0)]
    // Ids name no title; nor does a title of under three words once "for", "the" and the like are set aside.
    [InlineData("https://openreview.net/forum?id=VSJotgbPHF", "OpenAssistant Conversations - Democratizing Large Language Model Alignment", 0.0, 0.0)]
    [InlineData("https://arxiv.org/abs/2305.18290", "Direct Preference Optimization: Your Language Model is Secretly a Reward Model", 0.0, 0.0)]
    [InlineData("https://example.org/reward-models", "Reward Models", 0.0, 0.0)]
    [InlineData(null, "Dense Reward for Free in Reinforcement Learning from Human Feedback", 0.0, 0.0)]
    public void AnAddressSpellsOutTheTitleOfThePageItNames(string? link, string title, double atLeast, double atMost)
    {
        var share = LinkEvidence.TitleShareOfAddress(link, title);
        Assert.InRange(share, atLeast, atMost);
    }

    [Theory]
    // 003:1 "… - Training language models to follow instructions with human feedback InstructGPT - Long Ouyang, …", alias from 001:164
    [InlineData("Training language models to follow instructions with human feedback InstructGPT", "awesome-rlhf-opendilab-2025", "Training language models to follow instructions with human feedback", "InstructGPT")]
    // The same list giving the alias is no second opinion; a title merely ending in a word stays whole.
    [InlineData("Training language models to follow instructions with human feedback InstructGPT", "awesome-rlhf-opendilab-2023", "Training language models to follow instructions with human feedback InstructGPT", null)]
    [InlineData("Training language models to follow instructions with human feedback", "awesome-rlhf-opendilab-2025", "Training language models to follow instructions with human feedback", null)]
    [InlineData("Training language models to follow instructions with human feedback GPT", "awesome-rlhf-opendilab-2025", "Training language models to follow instructions with human feedback GPT", null)]
    public void AnAliasGluedToATitleIsSplitOffOnlyWhenAnotherListGivesIt(string title, string source, string expectedTitle, string? expectedAlias)
    {
        // 001:164 "- [Training language models to follow instructions with human feedback](https://arxiv.org/abs/2203.02155) (InstructGPT)"
        var given = new ListItem { Source = "awesome-rlhf-opendilab-2023", Line = 164, Title = "Training language models to follow instructions with human feedback", Alias = "InstructGPT" };
        var glued = new ListItem { Source = source, Line = 1, Title = title };

        var split = new GluedAlias([given, glued]).SplitOff(glued);

        Assert.Equal(expectedTitle, split.Title);
        Assert.Equal(expectedAlias, split.Alias);
    }

    [Theory]
    [InlineData("LLMs", "LLM")] // opendilab-newest:98 "Keyword: …, LLMs" and :243 "Keyword: Token-level Reward, LLM"
    [InlineData("Diffusion Models", "Diffusion Model")] // opendilab-newest:203 and :111
    [InlineData("reward shaping", "Reward Shaping")]
    public void KeywordSpellingsFoldAcrossCaseAndPlural(string a, string b) => Assert.Equal(KeywordMerger.Fold(a), KeywordMerger.Fold(b));

    [Theory]
    [InlineData("Loss", "Los")]
    [InlineData("Corpus", "Corpu")]
    [InlineData("Analysis", "Analysi")]
    public void WordsEndingInSsUsOrIsAreNotPlurals(string word, string cut) => Assert.NotEqual(KeywordMerger.Fold(cut), KeywordMerger.Fold(word));

    [Fact]
    public void TitlesMatchWhateverTheirCasePunctuationSpacingAndAccents()
    {
        // 003 drops the parentheses of 001:131's "Is Reinforcement Learning (Not) for Natural Language Processing?: …".
        Assert.Equal(TitleKey.Of("Is Reinforcement Learning (Not) for  Natural Language Processing?"), TitleKey.Of("is reinforcement learning not for natural language processing"));
        Assert.Equal(TitleKey.Of("Café: Préférence"), TitleKey.Of("cafe - preference"));
        Assert.NotEqual(TitleKey.Of("Reward Model Ensembles Help Mitigate Overoptimization"), TitleKey.Of("Reward Model Ensembles Help Mitigate Optimization"));
    }

    [Fact]
    public void NearIdenticalTitlesOfOnePaperScoreAboveTheMergeThresholdButTitlesAloneAreNotEnough()
    {
        // arXiv 2310.03708 as 003 and 004 title it.
        var same = TitleKey.Similarity(
            "Beyond One-Preference-for-All: Multi-Objective Direct Preference Optimization for Language Models",
            "Beyond One-Preference-Fits-All Alignment: Multi-Objective Direct Preference Optimization");
        // Two different papers (arXiv 2303.14420 and 2302.12192, 001:91 and 001:102) that score above the threshold too:
        // that is why the graph builder only compares titles of papers that share an author.
        var different = TitleKey.Similarity(
            "Better Aligning Text-to-Image Models with Human Preference",
            "Aligning Text-to-Image Models using Human Feedback");
        var unrelated = TitleKey.Similarity(
            "Reward Model Ensembles Help Mitigate Overoptimization",
            "Confronting Reward Model Overoptimization with Constrained RLHF");

        Assert.InRange(same, PaperMerger.NearDuplicateTitleSimilarity, 1.0);
        Assert.InRange(different, PaperMerger.NearDuplicateTitleSimilarity, 1.0);
        Assert.InRange(unrelated, 0.0, PaperMerger.NearDuplicateTitleSimilarity - 0.01);
    }

    [Fact]
    public void TitleSimilarityOverSortedWordIdsIsTheSameNumberAsOverWordSets()
    {
        // The merger compares a prolific author's titles pairwise as sorted word ids; every pair of seed titles, repeated
        // words ("learning to learn") and an empty title included, must score exactly as the word sets do.
        var titles = File.ReadLines(Path.Combine(TestDatabase.SeedDirectory, "awesome-rlhf-opendilab-2023.md"))
            .Where(l => l.StartsWith("- [", StringComparison.Ordinal)).Select(l => l[3..l.IndexOf(']', StringComparison.Ordinal)])
            .Take(60).Append("Learning to Learn to Learn").Append("Learn, learning: to learn").Append("!!!").ToList();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Ids(string title) => [.. TitleKey.Words(title).Select(w => ids.TryGetValue(w, out var id) ? id : ids[w] = ids.Count).Order()];

        Assert.True(titles.Count > 50, $"only {titles.Count} titles");
        foreach (var a in titles)
        {
            foreach (var b in titles)
                Assert.Equal(TitleKey.Similarity(TitleKey.Words(a), TitleKey.Words(b)), TitleKey.Similarity(Ids(a), Ids(b)));
        }
    }

    [Theory]
    [InlineData("R´emi Munos", "Rémi Munos")] // 000:71, a spacing accent from PDF extraction
    [InlineData("Kianté,Brantley", "Kianté Brantley")] // 001:131, a comma typed for a space
    [InlineData("and Dylan Hadfield-Menell.", "Dylan Hadfield-Menell")] // 002:34 "…, Dorsa Sadigh, and Dylan Hadfield-Menell. arXiv, 2023."
    [InlineData("Maja  Tre\u0328bacz", "Maja Tr\u0119bacz")] // NFC: e + combining ogonek is one letter
    [InlineData("Jiaxin  Wen*,", "Jiaxin Wen")] // all ASCII, so already NFC: marks, spaces and punctuation still go
    [InlineData("Brantley,Kiante", "Brantley Kiante")] // ASCII names that need something go past the as-is path
    [InlineData(":Dorsa Sadigh", "Dorsa Sadigh")]
    [InlineData("Dorsa Sadigh;", "Dorsa Sadigh")]
    [InlineData("AND Dorsa Sadigh", "Dorsa Sadigh")]
    [InlineData("Dorsa\tSadigh", "Dorsa Sadigh")]
    [InlineData(" Dorsa Sadigh", "Dorsa Sadigh")]
    [InlineData("", "")]
    public void PersonNamesAreRepairedForDisplay(string raw, string clean) => Assert.Equal(clean, PersonName.Clean(raw));

    [Fact]
    public void TextThatNeedsNothingIsGivenBackAsItIs()
    {
        // The folds run on every title, name and search entry of an import: most need nothing, and then cost no copy.
        const string folded = "direct preference optimization 2";
        Assert.Same(folded, TextNormalization.FoldToWords(folded));
        const string collapsed = "Direct Preference Optimization";
        Assert.Same(collapsed, TextNormalization.CollapseWhitespace(collapsed));
        const string name = "Rafael Rafailov";
        Assert.Same(name, PersonName.Clean(name));
    }

    [Theory]
    [InlineData("  Direct  Preference-Optimization: Your LM! ", "direct preference optimization your lm")]
    [InlineData("direct preference optimization", "direct preference optimization")]
    [InlineData("Ünïcödé Títlé", "unicode title")]
    [InlineData("ΣΟΦΙΑ 2", "σοφια 2")]
    [InlineData("?!", "")]
    [InlineData("", "")]
    public void FoldingKeepsLowerCaseLettersAndDigitsWithSingleSpaces(string text, string folded) => Assert.Equal(folded, TextNormalization.FoldToWords(text));

    [Theory]
    [InlineData(" a \t b\n\nc ", "a b c")]
    [InlineData("a b", "a b")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData("   ", "")]
    public void CollapsingLeavesSingleSpacesBetweenWords(string text, string collapsed) =>
        Assert.Equal(collapsed, TextNormalization.CollapseWhitespace(text));

    [Fact]
    public void LongTextsFoldAndCollapseAsShortOnesDo()
    {
        // Past the stack buffer the folds rent one; the answer must not depend on which.
        var words = string.Join("  ", Enumerable.Range(0, 200).Select(i => $"Word{i}"));
        Assert.Equal(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i}")), TextNormalization.FoldToWords(words));
        Assert.Equal(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"Word{i}")), TextNormalization.CollapseWhitespace(words));
    }

    [Theory]
    [InlineData("DPO", true)]
    [InlineData("Direct Preference Optimization", true)]
    [InlineData("  Direct   Preference  Optimization ", true)]
    [InlineData("Direct Preference Optimization Revisited", false)]
    [InlineData("DPO: revisited", false)]
    [InlineData("通向AGI之路：大型语言模型", false)]
    [InlineData("Averyveryveryveryveryveryveryverylongname", false)]
    [InlineData("", false)]
    public void AShortNameIsOneToThreeWordsWithoutAColon(string title, bool shortName) => Assert.Equal(shortName, TitleKey.IsShortName(title));

    [Fact]
    public void OneKeyStandsForEverySpellingOfAName()
    {
        Assert.Equal(PersonName.Key("Rémi Munos"), PersonName.Key("R´emi Munos"));
        Assert.Equal(PersonName.Key("Rémi Munos"), PersonName.Key("Remi Munos"));
        Assert.Equal(PersonName.Key("Christopher D. Manning"), PersonName.Key("Christopher D Manning"));
        Assert.NotEqual(PersonName.Key("Alex J. Chan"), PersonName.Key("Alex James Chan"));
    }

    [Theory]
    [InlineData("Alex J. Chan", "Alex James Chan", true)] // 003, the same paper's byline in two sections
    [InlineData("Maja Trębacz", "Maja Trebacz", true)] // 001:139 and 001:160
    [InlineData("Stephen H. Bach", "Stephen Bach", true)]
    [InlineData("Wei Wang", "Wei Zhang", false)]
    [InlineData("Yang Yu", "Yang Liu", false)]
    [InlineData("Jian Li", "Jia Li", false)]
    [InlineData("A. Chan", "B. Chan", false)]
    public void OnlyStrongEvidenceMakesTwoSpellingsOnePerson(string a, string b, bool same)
    {
        Assert.Equal(same, PersonName.AreCompatible(a, b));
        Assert.Equal(same, PersonName.AreCompatible(b, a));
    }

    [Theory]
    [InlineData("OpenAI", true)] // 000:207 "  - OpenAI, 2023."
    [InlineData("Meta", true)] // 000:205
    [InlineData("ByteDance Seed MLSys Team & HKU", true)] // 003 veRL
    [InlineData("Thomfoster", false)] // 001:280, a GitHub handle standing for a person
    [InlineData("Dorsa Sadigh", false)]
    public void OrganisationsAreToldFromPeople(string name, bool organization) => Assert.Equal(organization, PersonName.IsOrganization(name));

    [Theory]
    [InlineData("et al.", true)]
    [InlineData("et al", true)]
    [InlineData("etc.", true)]
    [InlineData("Al Smith", false)]
    public void TruncationMarkersAreNeverPeople(string token, bool marker) => Assert.Equal(marker, PersonName.IsTruncationMarker(token));

    [Theory]
    [InlineData("https://github.com/huggingface/trl/tree/main")] // 000:210
    [InlineData("https://github.com/huggingface/trl")] // 004:83
    [InlineData("http://www.github.com/HuggingFace/trl.git")]
    [InlineData("github.com/huggingface/trl/blob/main/README.md#usage")]
    [InlineData("https://github.com/huggingface/trl/")]
    public void EveryFormOfARepositoryUrlIsOneRepository(string url)
    {
        var repository = RepositoryUrl.Normalize(url);

        Assert.NotNull(repository);
        Assert.Equal("github.com/huggingface/trl", repository.Key);
    }

    [Theory]
    [InlineData("https://unifiedskg.com/")] // 001:292, a project page
    [InlineData("https://github.com/orgs/huggingface")]
    [InlineData("https://github.com/huggingface")]
    [InlineData("https://huggingface.co/datasets/stanfordnlp/SHP")] // 001:284
    public void ProjectPagesAndOwnersAreNotRepositories(string url) => Assert.Null(RepositoryUrl.Normalize(url));

    [Fact]
    public void ARepositoryMovesToANewOwnerOnlyWithEvidence()
    {
        var old = RepositoryUrl.Normalize("https://github.com/lvwerra/trl")!; // 001:255
        var moved = RepositoryUrl.Normalize("https://github.com/huggingface/trl")!;
        var evals = RepositoryUrl.Normalize("https://github.com/openai/evals")!;
        var otherEvals = RepositoryUrl.Normalize("https://github.com/anthropics/evals")!; // 001:176

        // "lvwerra" is Leandro von Werra's handle, and 001:256 lists him for the repository.
        Assert.True(RepositoryUrl.IsLikelyMove(old, moved, ["Leandro von Werra", "Younes Belkada"], []));
        Assert.False(RepositoryUrl.IsLikelyMove(old, moved, [], []));
        Assert.False(RepositoryUrl.IsLikelyMove(evals, otherEvals, ["Ethan Perez"], ["Shixiang Shane Gu"]));
    }

    [Fact]
    public void ARepositoryMovedToAnOrganisationNamedAfterItNeedsNoOtherEvidence()
    {
        var old = RepositoryUrl.Normalize("https://github.com/OpenLLMAI/OpenRLHF")!; // 000:212
        var own = RepositoryUrl.Normalize("https://github.com/OpenRLHF/OpenRLHF")!; // opendilab's newest list, line 683
        Assert.True(RepositoryUrl.IsOwnOrganisation(own));
        Assert.True(RepositoryUrl.IsOwnOrganisation(RepositoryUrl.Normalize("https://github.com/open-rlhf/OpenRLHF")!));
        Assert.False(RepositoryUrl.IsOwnOrganisation(old));
        Assert.False(RepositoryUrl.IsOwnOrganisation(RepositoryUrl.Normalize("https://github.com/vllm-project/vllm")!));
        Assert.True(RepositoryUrl.IsLikelyMove(old, own, [], []));
        Assert.True(RepositoryUrl.IsLikelyMove(own, old, [], []));
        // Another host, or another name, is another repository whatever the owner is called.
        Assert.False(RepositoryUrl.IsLikelyMove(RepositoryUrl.Normalize("https://gitlab.com/OpenLLMAI/OpenRLHF")!, own, [], []));
        Assert.False(RepositoryUrl.IsLikelyMove(RepositoryUrl.Normalize("https://github.com/OpenLLMAI/OpenRLHF-M")!, own, [], []));
    }

    [Theory]
    [InlineData("CNN/DM", "CNN Daily Mail")] // 001:204 and 001:135
    [InlineData("TL;DR", "TLDR")]
    [InlineData("Stanford Human Preferences Dataset(SHP)", "SHP")] // 001:284
    [InlineData("HH-RLHF", "hh rlhf")]
    [InlineData("TruthfulQA", "truthful-qa")]
    public void DatasetSpellingsShareOneKey(string a, string b) => Assert.Equal(DatasetName.Key(a), DatasetName.Key(b));

    [Fact]
    public void KnownDatasetAliasesTakeTheCanonicalSpellingAndDifferentDatasetsStayApart()
    {
        Assert.Equal("CNN/DailyMail", DatasetName.Canonical("CNN Daily Mail"));
        Assert.Equal("TruthfulQA", DatasetName.Canonical("TruthfulQA."));
        Assert.NotEqual(DatasetName.Key("SST-2"), DatasetName.Key("SST-5"));
        Assert.NotEqual(DatasetName.Key("IMDB"), DatasetName.Key("IMDB sentiment"));
    }
}
