using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A first import on SQLite writes through a rollback journal rather than the write-ahead log, and the file is back in
/// WAL mode when it ends, committed or not (Import/FirstImportJournal). SQLite only: SQL Server has no journal mode.
/// </summary>
public sealed class FirstImportJournalTests
{
    [Fact]
    public async Task AFirstImportWritesThroughARollbackJournalAndLeavesTheFileInWalMode()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var watch = new JournalModeAtCoauthorships();

        await database.CreateImporter(watch).ImportAsync(TestDatabase.SeedDirectory);

        Assert.Equal("delete", watch.Mode);
        Assert.Equal("wal", await JournalModeAsync(database));
        Assert.False(File.Exists(PathOf(database) + "-journal"), "the rollback journal outlived the import");
        await using var db = database.CreateContext();
        Assert.Equal(194, await db.Papers.CountAsync());
    }

    [Fact]
    public async Task AFirstImportThatFailsRollsBackThroughTheJournalAndLeavesTheFileInWalMode()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var before = await database.SnapshotAsync();
        var failing = new JournalModeAtCoauthorships(fail: true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.CreateImporter(failing).ImportAsync(TestDatabase.SeedDirectory));

        Assert.Equal("delete", failing.Mode);
        Assert.Equal(before, await database.SnapshotAsync());
        Assert.Equal("wal", await JournalModeAsync(database));
    }

    [Fact]
    public async Task AFirstImportWhileAnotherConnectionReadsKeepsTheLogAndTheReaderItsSnapshot()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var reader = new SqliteConnection(database.ConnectionString);
        await reader.OpenAsync();
        using var snapshot = reader.BeginTransaction(deferred: true);
        Assert.Equal(0L, await ScalarAsync(reader, "SELECT COUNT(*) FROM Papers"));
        var watch = new JournalModeAtCoauthorships();

        await database.CreateImporter(watch).ImportAsync(TestDatabase.SeedDirectory);

        // The reader neither waited nor failed, and still reads the empty database its transaction began with.
        Assert.Equal("wal", watch.Mode);
        Assert.Equal(0L, await ScalarAsync(reader, "SELECT COUNT(*) FROM Papers"));
        snapshot.Rollback();
        Assert.Equal(194L, await ScalarAsync(reader, "SELECT COUNT(*) FROM Papers"));
    }

    [Fact]
    public async Task AnImportIntoADatabaseWithRowsKeepsTheLog()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        File.AppendAllText(seed.PathOf("awesome-rlhf-louieworth-2024.md"), "\n- [A paper added to force a write](https://arxiv.org/abs/2412.99999)\n");
        var watch = new JournalModeAtCoauthorships();

        await database.CreateImporter(watch).ImportAsync(seed.Directory);

        Assert.Equal("wal", watch.Mode);
    }

    private static string PathOf(TestDatabase database) => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    private static async Task<string?> JournalModeAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return (string?)await ScalarAsync(connection, "PRAGMA journal_mode");
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Reads the import connection's journal mode in its transaction, where the co-authorships are rebuilt; then fails the import if asked to.</summary>
    private sealed class JournalModeAtCoauthorships(bool fail = false) : DbCommandInterceptor
    {
        public string? Mode { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO Coauthorships", StringComparison.Ordinal))
            {
                await using var pragma = command.Connection!.CreateCommand();
                pragma.Transaction = command.Transaction;
                pragma.CommandText = "PRAGMA journal_mode";
                Mode = (string?)await pragma.ExecuteScalarAsync(cancellationToken);
                if (fail) throw new InvalidOperationException("failed on purpose, after every table was written");
            }

            return await base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
