using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Snapshots;

/// <summary>SQLite databases run in WAL mode, where a reader's snapshot and the importer's writes never wait for each other.</summary>
[Collection(SqliteApiCollection.Name)]
public sealed class SqliteJournalModeTests(SqliteApiFactory api)
{
    [Fact]
    public async Task TheDatabaseTheApiReadsIsInWalMode()
    {
        await using var db = api.Database.CreateContext();

        Assert.Equal("wal", await JournalModeAsync(db));
    }

    [Fact]
    public async Task MigratingSwitchesAFileMadeElsewhereToWal()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = 'delete';");

        await using (var db = database.CreateContext())
            await ReadSnapshot.EnableAsync(db, CancellationToken.None);

        await using var check = database.CreateContext();
        Assert.Equal("wal", await JournalModeAsync(check));
    }

    private static async Task<string?> JournalModeAsync(RlhfGraphDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return (string?)await command.ExecuteScalarAsync();
    }
}
