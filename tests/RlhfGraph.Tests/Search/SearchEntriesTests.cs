using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Search;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Search;

/// <summary>
/// On SQLite the importer makes the search entries (and counts the co-authorships) from the graph as it wrote it, rather than
/// reading back the tables it has just written: after a first import, and after re-imports that add, change, delete and
/// renumber rows, every table is what making the entries from the tables gives.
/// </summary>
public abstract class SearchEntriesTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    [Fact]
    public async Task AfterAFirstImportTheEntriesAreThoseTheTablesGive()
    {
        await using var database = await engine.CreateDatabaseAsync();

        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);

        await AssertEntriesAreThoseTheTablesGiveAsync(database);
    }

    [Fact]
    public async Task AfterAReimportWithoutOneListTheEntriesAreThoseTheTablesGive()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        seed.Unlist("awesome-rlhf-louieworth-2024");

        var report = await database.CreateImporter().ImportAsync(seed.Directory, new ImportOptions { AllowShrink = true });

        Assert.True(report.RowsDeleted > 0, report.ToString());
        await AssertEntriesAreThoseTheTablesGiveAsync(database);
    }

    [Fact]
    public async Task AfterAReimportWithABylineChangedTheEntriesAreThoseTheTablesGive()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        seed.AddACoauthorToContrastivePreferenceLearning();

        var report = await database.CreateImporter().ImportAsync(seed.Directory);

        Assert.True(report.RowsInserted > 0, report.ToString());
        await AssertEntriesAreThoseTheTablesGiveAsync(database);
        await using var db = database.CreateContext();
        var texts = await db.SearchEntries.Where(e => e.Kind == SearchKind.Paper).Select(e => e.Text).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(texts, t => t.Contains(" rafael rafailov ada lovelace harshit sikchi ", StringComparison.Ordinal));
    }

    /// <summary>Makes the entries again from the tables alone, in a transaction of its own: not one row of any table may change.</summary>
    private static async Task AssertEntriesAreThoseTheTablesGiveAsync(TestDatabase database)
    {
        var imported = await database.SnapshotAsync();
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.CreateContext())
        {
            Assert.True(await db.SearchEntries.CountAsync(ct) > 500);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SearchEntries.RewriteAsync(db, written: null, ct);
            await db.Search.IndexEntriesAsync(db, ct);
            await transaction.CommitAsync(ct);
        }

        Assert.Equal(imported, await database.SnapshotAsync());
    }
}

public sealed class SqliteSearchEntriesTests(SqliteEngine engine) : SearchEntriesTests(engine);

public sealed class SqlServerSearchEntriesTests(SqlServerEngine engine) : SearchEntriesTests(engine);
