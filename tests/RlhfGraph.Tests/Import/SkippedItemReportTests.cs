using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>An item the importer cannot read is reported with its file and line, and everything else still imports.</summary>
public sealed class SkippedItemReportTests
{
    [Fact]
    public async Task AnUntitledItemInAContentSectionIsReportedWithItsFileAndLine()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var seed = new SeedCopy();
        // A new line 70, right after 000:69's byline, in the "RLHF for LLMs: Theory / Methods" section.
        seed.Replace(
            "awesome-rlhf-louieworth-2024.md",
            "  - Yuanhao Wang, Qinghua Liu, Chi Jin. arXiv, 2023.\n",
            "  - Yuanhao Wang, Qinghua Liu, Chi Jin. arXiv, 2023.\n- see the discussion on our forum for more\n");

        var clean = await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var report = await database.CreateImporter().ImportAsync(seed.Directory);

        // 003's picture ("….JPG", never a work) is skipped in the clean import too; the new line is the only new skip.
        Assert.Equal(clean.SkippedItems.Count + 1, report.SkippedItems.Count);
        var skipped = Assert.Single(report.SkippedItems, s => s.StartsWith("awesome-rlhf-louieworth-2024.md:", StringComparison.Ordinal));
        Assert.StartsWith("awesome-rlhf-louieworth-2024.md:70: no title link", skipped, StringComparison.Ordinal);
        var source = Assert.Single(report.Sources, s => s.Source == "awesome-rlhf-louieworth-2024");
        Assert.Equal((1, clean.Sources.Single(s => s.Source == source.Source).Seen + 1), (source.Skipped, source.Seen));
        Assert.Equal((clean.Papers, clean.Authors), (report.Papers, report.Authors));
        Assert.Contains("skipped", report.ToString(), StringComparison.Ordinal);
    }
}
