using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A first import on SQLite writes its rows with the secondary indexes dropped and creates them again after the last
/// row (Import/FirstImportIndexes): the database must end with exactly the indexes the migrations made, a failed import
/// must leave them (and the rows) as they were, and a unique index must still refuse rows that break it.
/// </summary>
public sealed class FirstImportIndexesTests
{
    [Fact]
    public async Task AFirstImportEndsWithEveryIndexTheMigrationsMade()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var migrated = await IndexesAsync(database);

        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);

        Assert.Contains(migrated, i => i.StartsWith("IX_Papers_Year_Title ON Papers: CREATE INDEX", StringComparison.Ordinal));
        Assert.Equal(migrated, await IndexesAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").SingleAsync());
    }

    [Fact]
    public async Task AFirstImportThatFailsAfterItsRowsLeavesEveryIndexAsItWas()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        // The mentions are written last, with every index dropped: the failure comes while they are away.
        await ExecuteAsync(database, "CREATE TRIGGER fail_late BEFORE INSERT ON Mentions WHEN (SELECT COUNT(*) FROM Mentions) >= 100 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

        await AssertImportFailsAndChangesNothingAsync(database, "injected failure");
    }

    [Fact]
    public async Task RowsThatBreakAUniqueIndexFailTheFirstImportWhenTheIndexIsMadeAgain()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        // A second paper under the first one's key, which IX_Papers_Key (unique) forbids.
        await ExecuteAsync(database, """
            CREATE TRIGGER twin AFTER INSERT ON Papers WHEN NEW.Id = 1 BEGIN
              INSERT INTO Papers (Key, Title, TitleKey, Kind, CitationCount, HasOfficialCode, AuthorsTruncated, MentionCount)
              VALUES (NEW.Key, NEW.Title, NEW.TitleKey, NEW.Kind, 0, 0, 0, 0);
            END;
            """);

        await AssertImportFailsAndChangesNothingAsync(database, "UNIQUE constraint failed: Papers.Key");
    }

    /// <summary>Imports the seeds, expecting a failure that says <paramref name="reason"/>, and then every index and row as before.</summary>
    private static async Task AssertImportFailsAndChangesNothingAsync(SqliteTestDatabase database, string reason)
    {
        var indexes = await IndexesAsync(database);
        var before = await database.SnapshotAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(indexes, await IndexesAsync(database));
        Assert.Equal(before, await database.SnapshotAsync());
    }

    /// <summary>Every index the schema declares: name, table and the statement that makes it, in name order.</summary>
    private static async Task<List<string>> IndexesAsync(SqliteTestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Database.SqlQueryRaw<string>(
            "SELECT name || ' ON ' || tbl_name || ': ' || sql AS Value FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").ToListAsync();
    }

    private static async Task ExecuteAsync(SqliteTestDatabase database, string sql)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
