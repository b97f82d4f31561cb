using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// On SQLite, a first import (no entity rows yet) writes with foreign-key enforcement off and checks every key once
/// before it commits: enforcement looks up the parent of every row as it goes in, which on the 250k-item list was 40 %
/// of the bylines' insert, while one <c>PRAGMA foreign_key_check</c> over the finished tables costs about 1.5 s
/// (docs/benchmarks.md §13). A dangling key still fails the import and rolls it back, as enforcement would have.
/// </summary>
/// <remarks>
/// Only a first import: with enforcement off, deleting a row does not cascade to the rows that name it, and a first
/// import deletes nothing. SQLite ignores the pragma inside a transaction, so it is set on the opened connection before
/// the import's transaction begins and set back after it ends, before the connection returns to the pool.
/// </remarks>
internal sealed class FirstImportKeys : IAsyncDisposable
{
    private readonly RlhfGraphDbContext _db;

    private FirstImportKeys(RlhfGraphDbContext db) => _db = db;

    /// <summary>
    /// Opens the connection and, when the database holds no entity rows, turns enforcement off until
    /// <see cref="DisposeAsync"/>; null when this import writes with enforcement on (SQL Server, or rows already there).
    /// </summary>
    public static async Task<FirstImportKeys?> SuspendIfEmptyAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        if (!db.IsSqlite || !await IsEmptyAsync(db, ct).ConfigureAwait(false)) return null;
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", ct).ConfigureAwait(false);
        }
        catch
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            throw;
        }

        return new FirstImportKeys(db);
    }

    /// <summary>
    /// Inside the transaction, once it holds the write lock: refuses when another import filled the database between
    /// the emptiness check and this transaction's start (its rows could be deleted here without their dependents).
    /// </summary>
    public async Task EnsureStillEmptyAsync(CancellationToken ct)
    {
        if (!await IsEmptyAsync(_db, ct).ConfigureAwait(false))
            throw new ImportException($"another import filled this database while this one started; nothing was written. Run seed again.");
    }

    /// <summary>Fails the import (its transaction rolls back) if any row names a row that does not exist.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var dangling = await _db.Database.SqlQueryRaw<Dangling>(
            """SELECT "table" AS "Table", "parent" AS "Parent", COUNT(*) AS "Rows" FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2""")
            .ToListAsync(ct).ConfigureAwait(false);
        if (dangling.Count > 0)
        {
            throw new ImportException("the import would leave rows naming rows that do not exist ("
                + string.Join(", ", dangling.Select(d => $"{d.Rows} in {d.Table} → {d.Parent}")) + "); nothing was written. This is a bug in the importer: please report it with the lists.");
        }
    }

    /// <summary>Turns enforcement back on and closes the connection this opened.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON").ConfigureAwait(false);
        }
        catch
        {
            // The pool must not hand this connection, enforcement off, to the next reader or import.
            SqliteConnection.ClearPool((SqliteConnection)_db.Database.GetDbConnection());
            throw;
        }
        finally
        {
            await _db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsEmptyAsync(RlhfGraphDbContext db, CancellationToken ct) =>
        !await db.Sources.AnyAsync(ct).ConfigureAwait(false)
        && !await db.Keywords.AnyAsync(ct).ConfigureAwait(false)
        && !await db.Authors.AnyAsync(ct).ConfigureAwait(false)
        && !await db.Datasets.AnyAsync(ct).ConfigureAwait(false)
        && !await db.Codebases.AnyAsync(ct).ConfigureAwait(false)
        && !await db.Papers.AnyAsync(ct).ConfigureAwait(false);

    private sealed record Dangling(string Table, string Parent, int Rows);
}
