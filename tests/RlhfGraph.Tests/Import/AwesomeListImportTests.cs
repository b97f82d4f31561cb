using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Tests.Import.Formats;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>A folder without sources.json imports every list in it through the general reader; shared keys that contradict are reported, not merged.</summary>
public sealed class AwesomeListImportTests
{
    internal static string FolderWith(params string[] paths)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-lists", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var path in paths) File.Copy(path, Path.Combine(directory, Path.GetFileName(path)));
        return directory;
    }

    [Fact]
    public async Task AFolderWithoutAManifestImportsEachListAsASourceNamedAfterItsFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = FolderWith(AwesomeMarkdownParserTests.FixturePath("shapes.md"), AwesomeMarkdownParserTests.FixturePath("table.md"));

        var report = await database.CreateImporter().ImportAsync(folder);

        Assert.Equal(["shapes", "table"], report.Sources.Select(s => s.Source));
        Assert.All(report.Sources, s => Assert.Equal(s.Seen, s.Imported + s.Merged + s.Skipped));
        Assert.Equal(["shapes.md:19: ", "table.md:9: "], report.SkippedItems.Select(s => s[..(s.IndexOf(": ", StringComparison.Ordinal) + 2)]));
        await using var db = database.CreateContext();
        Assert.Equal(["awesome-markdown", "awesome-markdown"], await db.Sources.OrderBy(s => s.Name).Select(s => s.Format).ToListAsync());
        Assert.Equal(8, await db.Papers.CountAsync());
        Assert.Equal(["HelpfulChat", "pairs"], await db.Datasets.OrderBy(d => d.Name).Select(d => d.Name).ToListAsync());
        Assert.Contains("https://github.com/example/rlkit", await db.Codebases.Select(c => c.Url).ToListAsync());
    }

    [Fact]
    public async Task ATypoedArxivIdSharedByTwoUnrelatedPapersIsAConflictWithBothLinesAndTwoPapers()
    {
        await using var database = await TestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(FolderWith(AwesomeMarkdownParserTests.FixturePath("conflicts.md")));

        var conflict = Assert.Single(report.Conflicts);
        Assert.StartsWith("conflicts.md:5 and conflicts.md:7 share the arXiv id 2309.00009", conflict, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var papers = await db.Papers.Where(p => p.Title.StartsWith("Iota") || p.Title.StartsWith("Kappa")).OrderBy(p => p.Title).ToListAsync();
        Assert.Equal([("Iota Learning from Human Feedback", "2309.00009"), ("Kappa Diffusion Control with Learned Rewards", null)], papers.Select(p => (p.Title, p.ArxivId)));
    }

    [Fact]
    public async Task ABlogATalkAndABookWithOneAuthorAndAlikeTitlesStayThreeWorksOfTheirKinds()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.CreateImporter().ImportAsync(FolderWith(AwesomeMarkdownParserTests.FixturePath("conflicts.md")));

        await using var db = database.CreateContext();
        var works = await db.Papers.Where(p => p.Title.StartsWith("Reinforcement Learning from Human Feedback")).OrderBy(p => p.Title).Select(p => p.Kind).ToListAsync();
        Assert.Equal([PaperKind.Book, PaperKind.BlogPost, PaperKind.Talk], works);
    }
}
