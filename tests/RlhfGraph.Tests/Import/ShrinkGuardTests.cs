using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A list replaced by an error page or cut short would delete most of its source's rows: the import is refused, the
/// database (checksum of every table) stays as it was, and --allow-shrink (ImportOptions.AllowShrink) imports it anyway.
/// </summary>
public abstract class ShrinkGuardTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    private const string List = "awesome-rlhf-louieworth-2024.md";

    [Fact]
    public async Task AListReplacedByANotFoundPageIsRefusedAndChangesNothing()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        File.WriteAllText(seed.PathOf(List), "404: Not Found");

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(seed.Directory));

        Assert.StartsWith($"{List}: refused: the list yields no items (it had ", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-shrink", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AListCutToItsFirstTenthIsRefusedAndChangesNothing()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        var lines = File.ReadAllLines(seed.PathOf(List));
        File.WriteAllLines(seed.PathOf(List), lines.Take(lines.Length / 10));

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(seed.Directory));

        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(List)}: refused: the list yields (\d+ items where the last import had \d+|no items \(it had \d+)", error.Message);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AllowShrinkImportsTheShortListAndRemovesWhatItNoLongerHolds()
    {
        await using var database = await engine.CreateDatabaseAsync();
        var full = await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        var lines = File.ReadAllLines(seed.PathOf(List));
        File.WriteAllLines(seed.PathOf(List), lines.Take(lines.Length / 10));

        var report = await database.CreateImporter().ImportAsync(seed.Directory, new ImportOptions { AllowShrink = true });

        Assert.True(report.RowsDeleted > 0, report.ToString());
        Assert.True(report.Sources.Single(s => s.Source == "awesome-rlhf-louieworth-2024").Seen < full.Sources.Single(s => s.Source == "awesome-rlhf-louieworth-2024").Seen / 2);
    }

    [Fact]
    public async Task AFirstImportOfAListWithNoItemsIsRefused()
    {
        await using var database = await engine.CreateDatabaseAsync();
        var folder = AwesomeListImportTests.FolderWith();
        File.WriteAllText(Path.Combine(folder, "not-found.md"), "<html><body><h1>404 Not Found</h1></body></html>\n");

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(folder));

        Assert.StartsWith("not-found.md: refused: the list yields no items, so importing it would leave the source empty", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SqliteShrinkGuardTests(SqliteEngine engine) : ShrinkGuardTests(engine);

public sealed class SqlServerShrinkGuardTests(SqlServerEngine engine) : ShrinkGuardTests(engine);
