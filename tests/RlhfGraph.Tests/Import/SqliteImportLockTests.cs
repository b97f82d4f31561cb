using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Providers;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// SQLite's half of the import lock that needs a held file lock to show: an import that cannot get the write lock
/// within its busy timeout is refused with a clear message and writes nothing. (Taking turns is in ImportTransactionTests.)
/// </summary>
public sealed class SqliteImportLockTests
{
    [Fact]
    public async Task AnImportThatCannotGetTheWriteLockIsRefusedClearlyAndWritesNothing()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var before = await database.SnapshotAsync();
        await using var holder = new SqliteConnection(database.ConnectionString);
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await using var held = (SqliteTransaction)await holder.BeginTransactionAsync(TestContext.Current.CancellationToken);
        // A one-second wait, so the refusal comes quickly.
        var impatient = new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = 1 }.ToString();
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, impatient, new DatabaseOptions { CommandTimeoutSeconds = 1 });
        var importer = new Importer(new Contexts(builder.Options), NullLogger<Importer>.Instance);

        var error = await Assert.ThrowsAsync<ImportException>(() => importer.ImportAsync(TestDatabase.SeedDirectory, new ImportOptions { LockWait = TimeSpan.FromSeconds(1) }));

        Assert.StartsWith("another import into this database is still running; nothing was written", error.Message, StringComparison.Ordinal);
        await held.RollbackAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    private sealed class Contexts(DbContextOptions<SqliteRlhfGraphDbContext> options) : IDbContextFactory<RlhfGraphDbContext>
    {
        public RlhfGraphDbContext CreateDbContext() => new SqliteRlhfGraphDbContext(options);
    }
}
