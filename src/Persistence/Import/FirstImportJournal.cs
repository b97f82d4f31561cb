using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// On SQLite, a first import writes through a rollback journal instead of the write-ahead log, and the file goes back to
/// WAL when it ends. Into an empty file the log costs a second copy of everything: every page the import writes goes to
/// the log first (pages the cache spills, again each time they change), and committing copies the whole log into the
/// file. A rollback journal holds only the pages that existed before, which an empty database hardly has, so each page
/// is written once (250k-item list: committing 4.3 → 0.8 s; docs/benchmarks.md §13). A failure rolls back as from the log.
/// </summary>
/// <remarks>
/// The price is the log's concurrency, and only while a first import runs: readers of the empty database then wait for
/// the import's write lock (their busy timeout; past it the API answers 503 with Retry-After) instead of reading the
/// empty database beside it. The journal mode can only change outside a transaction and while no other connection is
/// reading; when it cannot, the import keeps the log. Should the process die mid-import, the file stays in rollback mode
/// (its journal rolls the import back on the next open) until <c>migrate</c> or start-up switches it to WAL again.
/// </remarks>
internal static class FirstImportJournal
{
    /// <summary>Switches the opened connection's file to a rollback journal; false when it stayed in WAL mode.</summary>
    public static async Task<bool> LeaveLogAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        try
        {
            return await SetAsync(db, "delete", ct).ConfigureAwait(false) == "delete";
        }
        catch (DbException e) when (ImportLock.IsBusy(e))
        {
            // Another connection is reading: the import goes through the log, as any later import does.
            return false;
        }
    }

    /// <summary>Puts the file back in WAL mode, where readers and the next import never wait for each other.</summary>
    public static async Task ReturnToLogAsync(RlhfGraphDbContext db)
    {
        try
        {
            await SetAsync(db, "wal", CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException e) when (ImportLock.IsBusy(e))
        {
            // Readers held the file past the busy timeout. The import has committed, so this is no failure of it: the file
            // serves in rollback mode until the next migrate or start-up puts it back in WAL mode.
        }
    }

    /// <summary>Sets the journal mode and returns the one SQLite reports, which is the old one when it could not change it.</summary>
    private static async Task<string?> SetAsync(RlhfGraphDbContext db, string mode, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Our own two constants, never user text.
        command.CommandText = $"PRAGMA journal_mode = {mode}";
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }
}
