using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The general reader on fixtures written for it (tests/RlhfGraph.Tests/Import/Fixtures): every item shape, a table, level-1 sections.</summary>
public sealed class AwesomeMarkdownParserTests
{
    internal static string FixturePath(string file) => Path.Combine(RepositoryFiles.Root, "tests", "RlhfGraph.Tests", "Import", "Fixtures", file);

    private static ParsedList Parse(string file) => new AwesomeMarkdownParser().Parse(file, File.ReadAllText(FixturePath(file)));

    private static ListItem Item(ParsedList list, string title) => Assert.Single(list.Items, i => i.Title == title);

    [Fact]
    public void EveryItemShapeUnderLevelOneHeadingsIsReadOrReported()
    {
        var list = Parse("shapes.md");

        Assert.Equal(11, list.ItemsSeen);
        Assert.Equal(10, list.Items.Count);
        var skipped = Assert.Single(list.Skipped);
        Assert.Equal(19, skipped.Line);
        Assert.Contains("not a paper", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("Anthropic", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkedTitleOverABylineGivesAuthorsVenueYearAndCode()
    {
        var alpha = Item(Parse("shapes.md"), "Alpha Preference Optimization");

        Assert.Equal(("https://arxiv.org/abs/2301.00001", "NeurIPS", 2023, 2023), (alpha.Url, alpha.Venue, alpha.Year, alpha.SectionYear));
        Assert.Equal(["Ann Able", "Ben Baker"], alpha.People);
        Assert.Equal("https://github.com/alpha/apo", Assert.Single(alpha.Code).Url);
        Assert.Equal("Papers / 2023", alpha.Section);
        Assert.Equal(9, alpha.Line);
    }

    [Fact]
    public void APlainTitleWithAYearSpanAndABracketedArxivLinkIsAPaper()
    {
        var beta = Item(Parse("shapes.md"), "Beta Reward Models");

        Assert.Equal(("https://arxiv.org/abs/2402.00002", 2024, SectionKind.Papers), (beta.Url, beta.Year, beta.SectionKind));
    }

    [Fact]
    public void ANumberedBoldTitleAndADashWithoutASpaceAreTwoItems()
    {
        var list = Parse("shapes.md");

        Assert.Equal("https://example.org/gamma.pdf", Item(list, "Gamma Feedback Loops").Url);
        var delta = Item(list, "Delta Alignment at Scale");
        Assert.Equal(("https://openreview.net/forum?id=delta", 14), (delta.Url, delta.Line));
    }

    [Fact]
    public void ItemsNestedUnderAnUnlinkedParentAreItemsOfThatGroup()
    {
        var list = Parse("shapes.md");

        Assert.Equal("Papers / 2023 / Epsilon studies", Item(list, "Epsilon One: A Study of Reward Hacking").Section);
        Assert.Equal(18, Item(list, "Epsilon Two: A Study of Overoptimization").Line);
        Assert.DoesNotContain(list.Items, i => i.Title == "Epsilon studies");
    }

    [Fact]
    public void BareUrlsAndNameDashDescriptionAreDatasetsAndCodebasesByTheirSectionWords()
    {
        var list = Parse("shapes.md");

        var pairs = Item(list, "pairs");
        Assert.Equal((SectionKind.Datasets, "https://huggingface.co/datasets/example/pairs", "Preference pairs written by people"), (pairs.SectionKind, pairs.Url, pairs.Description));
        var chat = Item(list, "HelpfulChat");
        Assert.Equal((SectionKind.Datasets, "https://example.org/helpfulchat", "A dialogue dataset about helpfulness"), (chat.SectionKind, chat.Url, chat.Description));
        var rlkit = Item(list, "rlkit");
        Assert.Equal((SectionKind.Codebases, "A toolkit for RL from feedback"), (rlkit.SectionKind, rlkit.Description));
        Assert.Equal(SectionKind.Codebases, Item(list, "TinyRLHF").SectionKind);
    }

    [Fact]
    public void ATableIsReadByItsHeaderWordsAndARowWithoutTitleIsReported()
    {
        var list = Parse("table.md");

        Assert.Equal((3, 2), (list.ItemsSeen, list.Items.Count));
        var zeta = Item(list, "Zeta Ranking from Comparisons");
        Assert.Equal(["Cara Cole", "Dan Drew"], zeta.People);
        Assert.Equal(("https://arxiv.org/abs/2205.00007", "ICML", 2022, 7), (zeta.Url, zeta.Venue, zeta.Year, zeta.Line));
        Assert.Equal("https://github.com/zeta/rank", Assert.Single(zeta.Code).Url);
        Assert.Equal("https://arxiv.org/abs/2206.00008", Item(list, "Eta Pairwise Rewards").Url);
        var skipped = Assert.Single(list.Skipped);
        Assert.Equal((9, "a table row with an empty title cell"), (skipped.Line, skipped.Reason));
    }

    [Fact]
    public void AFlattenedOneLineListIsDetectedAndEverythingElseIsReadByTheGeneralReader()
    {
        Assert.Equal("flattened-text", ListParsers.Detect(File.ReadAllText(Path.Combine(TestDatabase.SeedDirectory, "awesome-rlhf-opendilab-2025-flattened.txt"))).Format);
        Assert.Equal(AwesomeMarkdownParser.FormatName, ListParsers.Detect(File.ReadAllText(FixturePath("shapes.md"))).Format);
    }
}
