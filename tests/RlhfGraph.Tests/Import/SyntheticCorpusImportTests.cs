using Microsoft.EntityFrameworkCore;
using RlhfGraph.Corpus;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// The benchmark corpus generator, held to the real importer: what it says it wrote is what an import
/// of its files finds. Without this the generator could drift from the formats and benchmarks would
/// silently measure skipped lines.
/// </summary>
public sealed class SyntheticCorpusImportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-corpus", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AGeneratedCorpusImportsWithEveryPaperAuthorCodebaseAndDatasetItPromises()
    {
        var shape = CorpusGenerator.Write(new CorpusOptions { Papers = 300, Seed = 7 }, _directory);
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(_directory);

        Assert.Empty(report.SkippedItems);
        Assert.Equal(
            shape.Files.Select(f => (f.Source, f.Items)),
            report.Sources.Select(s => (s.Source, s.Seen)));
        Assert.Equal(
            (shape.Papers, shape.Authors, shape.Codebases, shape.Datasets, shape.Keywords),
            (report.Papers, report.Authors, report.Codebases, report.Datasets, report.Keywords));
        // Cross-file duplicates are merged: every listing beyond a paper's first.
        Assert.Equal(shape.Items - shape.Papers, report.Sources.Sum(s => s.Merged));
        await using var db = database.CreateContext();
        Assert.Equal(shape.Papers, await db.Papers.CountAsync());
        Assert.Equal(shape.PaperAuthorLinks, await db.PaperAuthors.CountAsync());
    }

    [Fact]
    public void TheCorpusHasTheRealListsShape()
    {
        var shape = CorpusGenerator.Write(new CorpusOptions { Papers = 2000, Seed = 3 }, _directory);

        // The five real lists: 366 items for 228 papers, about 1.6 listings a paper.
        Assert.InRange((double)shape.Items / shape.Papers, 1.45, 1.75);
        // Code on about half the papers, a few shared frameworks among them.
        Assert.InRange(shape.Codebases, 750, 950);
        // Shared authors: fewer authors than author slots, but a long tail of new names.
        Assert.InRange((double)shape.Authors / shape.PaperAuthorLinks, 0.2, 0.5);
        // Datasets reused: a small pool shared by many papers.
        Assert.InRange(shape.Datasets, 5, 20);
    }

    [Fact]
    public void TheSameSeedWritesTheSameBytesAndAnotherSeedDoesNot()
    {
        string Hash(int seed, string folder)
        {
            CorpusGenerator.Write(new CorpusOptions { Papers = 200, Seed = seed }, folder);
            return string.Join(",", Directory.GetFiles(folder).Order(StringComparer.Ordinal)
                .Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
        }

        var first = Hash(11, Path.Combine(_directory, "a"));
        Assert.Equal(first, Hash(11, Path.Combine(_directory, "b")));
        Assert.NotEqual(first, Hash(12, Path.Combine(_directory, "c")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
