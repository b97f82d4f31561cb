using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Makes imports into one database take turns, so two `seed` runs (two deploys, two instances) cannot interleave
/// their diffs and writes: the second waits for the first, then diffs against what the first wrote and finds
/// nothing to change. Should the first hold the database for longer than the wait, the second is refused.
/// </summary>
/// <remarks>
/// The lock is taken at the start of the import's transaction, before the diff reads anything, and ends with it.
/// SQL Server: an exclusive application lock (sp_getapplock) owned by the transaction, so a crashed importer
/// cannot leave it behind. SQLite: the transaction itself, which Microsoft.Data.Sqlite opens as BEGIN IMMEDIATE,
/// taking the file's write lock at once; a second writer waits out the busy timeout.
/// </remarks>
internal static class ImportLock
{
    public const string Resource = "RlhfGraph.Import";

    public const string Refusal = "another import into this database is still running; nothing was written. Run seed again when it has finished";

    /// <summary>
    /// Lets this import's commands wait as long as <paramref name="wait"/> for the other import: SQLite's busy timeout
    /// (the connection's default, which BEGIN IMMEDIATE uses) and the command timeout that bounds sp_getapplock's wait.
    /// </summary>
    public static void WaitUpTo(RlhfGraphDbContext db, TimeSpan wait)
    {
        var seconds = Math.Max(db.Database.GetCommandTimeout() ?? 0, (int)Math.Ceiling(wait.TotalSeconds));
        db.Database.SetCommandTimeout(seconds);
        if (db.Database.GetDbConnection() is SqliteConnection sqlite) sqlite.DefaultTimeout = seconds;
    }

    public static async Task AcquireAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlServer()) return;

        // Wait for most of the command timeout, so the lock's own refusal (clear) comes before the command's (a timeout).
        var waitMs = Math.Max(0, ((db.Database.GetCommandTimeout() ?? 30) - 5) * 1000);
        var result = new SqlParameter("@result", SqlDbType.Int) { Direction = ParameterDirection.Output };
        await db.Database.ExecuteSqlRawAsync(
            "EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @wait",
            [result, new SqlParameter("@resource", Resource), new SqlParameter("@wait", waitMs)],
            ct).ConfigureAwait(false);

        // 0 granted, 1 granted after waiting; negative: timed out, cancelled, deadlock victim or error.
        if (result.Value is not int granted || granted < 0) throw new ImportException($"{Refusal} (sp_getapplock returned {result.Value}).");
    }

    /// <summary>SQLite's answer when the write lock stayed taken past the busy timeout.</summary>
    public static bool IsBusy(DbException e) => e is SqliteException { SqliteErrorCode: 5 or 6 };
}
