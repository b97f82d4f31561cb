using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>
/// Starts a read-only transaction on a context's open connection, so every statement after it reads one snapshot
/// of the database and a concurrent import is seen whole or not at all.
/// </summary>
public static class ReadSnapshot
{
    /// <summary>What the SQL Server snapshot is started with; needs ALLOW_SNAPSHOT_ISOLATION ON (see README).</summary>
    public const string SqlServerBegin = "SET TRANSACTION ISOLATION LEVEL SNAPSHOT; BEGIN TRANSACTION;";

    /// <summary>Ends it and puts the session's isolation level back, so the pooled connection's next user gets the default.</summary>
    public const string SqlServerEnd = "IF @@TRANCOUNT > 0 COMMIT TRANSACTION; SET TRANSACTION ISOLATION LEVEL READ COMMITTED;";

    /// <summary>
    /// Makes the database able to give readers a snapshot, once per database (migrate does it; idempotent):
    /// SQLite's write-ahead log, where readers and the one writer never wait for each other (a file EF Core makes is in
    /// WAL mode already; one made first with its page size, see <see cref="SqlitePages"/>, or by another tool is not),
    /// and SQL Server's row versioning for SNAPSHOT.
    /// </summary>
    public static async Task EnableAsync(RlhfGraphDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.IsSqlite ? "PRAGMA journal_mode = 'wal';" : "ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;";
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
    }

    public static async Task BeginAsync(RlhfGraphDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // Deferred: no lock until the first read, which then fixes the snapshot (WAL mode, so an import writing
            // at the same time neither waits for it nor is seen by it). BEGIN IMMEDIATE would take the write lock.
            var transaction = sqlite.BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
            return;
        }

        // In T-SQL rather than through EF: the retrying execution strategy refuses to run inside a transaction it did
        // not start, and this one spans every statement of a request. SNAPSHOT (not READ_COMMITTED_SNAPSHOT, whose
        // snapshot is per statement) makes all of them read the database as of the first one.
        await db.Database.ExecuteSqlRawAsync(SqlServerBegin, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the read transaction (nothing was written, so committing and rolling back are the same).</summary>
    public static async Task EndAsync(RlhfGraphDbContext db)
    {
        if (db.Database.CurrentTransaction is { } transaction)
            await transaction.RollbackAsync().ConfigureAwait(false);
        else if (!db.IsSqlite)
            await db.Database.ExecuteSqlRawAsync(SqlServerEnd).ConfigureAwait(false);
        await db.Database.CloseConnectionAsync().ConfigureAwait(false);
    }
}
