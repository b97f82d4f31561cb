using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// On SQLite, a first import (no entity rows yet) writes with foreign-key enforcement off and checks every key once
/// before it commits: enforcement looks up the parent of every row as it goes in, which on the 250k-item list was 40 %
/// of the bylines' insert, while one check of the finished tables costs far less (docs/benchmarks.md §13). A dangling key still fails the import and rolls it back, as enforcement would have.
/// </summary>
/// <remarks>
/// Only a first import: with enforcement off, deleting a row does not cascade to the rows that name it, and a first
/// import deletes nothing. SQLite ignores the pragma inside a transaction, so it is set on the opened connection before
/// the import's transaction begins and set back after it ends, before the connection returns to the pool.
/// </remarks>
internal sealed class FirstImportKeys : IAsyncDisposable
{
    private readonly RlhfGraphDbContext _db;

    /// <summary>Whether this import writes through a rollback journal (see <see cref="FirstImportJournal"/>).</summary>
    private readonly bool _leftLog;

    private FirstImportKeys(RlhfGraphDbContext db, bool leftLog) => (_db, _leftLog) = (db, leftLog);

    /// <summary>
    /// Opens the connection and, when the database holds no entity rows, turns enforcement off and the write-ahead log
    /// with it (see <see cref="FirstImportJournal"/>) until <see cref="DisposeAsync"/>; null when this import writes with
    /// enforcement on (SQL Server, or rows already there).
    /// </summary>
    public static async Task<FirstImportKeys?> SuspendIfEmptyAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        if (!db.IsSqlite || !await IsEmptyAsync(db, ct).ConfigureAwait(false)) return null;
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", ct).ConfigureAwait(false);
            return new FirstImportKeys(db, await FirstImportJournal.LeaveLogAsync(db, ct).ConfigureAwait(false));
        }
        catch
        {
            // Enforcement off must not reach the pool either.
            SqliteConnection.ClearPool((SqliteConnection)db.Database.GetDbConnection());
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Inside the transaction, once it holds the write lock: false when another import filled the database between the
    /// emptiness check and this transaction's start (its rows could then be deleted here without their dependents).
    /// </summary>
    public Task<bool> IsStillEmptyAsync(CancellationToken ct) => IsEmptyAsync(_db, ct);

    /// <summary>Fails the import (its transaction rolls back) if any row names a row that does not exist.</summary>
    /// <remarks>
    /// A parent whose ids are exactly 1..N (what a first import's inserts give) needs no lookup per row: a key exists
    /// if and only if it is an integer in that range, which one pass over the child's column shows (250k-item list: the
    /// whole check 3.3 s by <c>PRAGMA foreign_key_check</c>, far less this way). Any other parent is checked by SQLite.
    /// </remarks>
    public async Task CheckAsync(CancellationToken ct)
    {
        var keys = await _db.Database.SqlQueryRaw<ForeignKey>("""
            SELECT m.name AS "Table", f."from" AS "Column", f."table" AS "Parent", COALESCE(f."to", '') AS "ParentColumn", f.seq AS "Seq"
            FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
            """).ToListAsync(ct).ConfigureAwait(false);
        var dense = new Dictionary<string, long?>(StringComparer.Ordinal);
        var suspect = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // A composite key, or one naming a column other than the parent's integer id, is SQLite's to check.
            if (key.Seq > 0 || keys.Any(k => k.Table == key.Table && k.Seq > 0) || key.ParentColumn != "Id")
            {
                suspect.Add(key.Table);
                continue;
            }

            if (!dense.TryGetValue(key.Parent, out var count)) dense[key.Parent] = count = await DenseCountAsync(key.Parent, ct).ConfigureAwait(false);
            if (count is not { } n)
            {
                suspect.Add(key.Table);
                continue;
            }

            // Names from the schema itself, quoted; the bound is our own number.
            var column = Quote(key.Column);
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM {Quote(key.Table)} WHERE {column} IS NOT NULL AND (typeof({column}) <> 'integer' OR {column} < 1 OR {column} > {n})";
            var outside = await _db.Database.SqlQueryRaw<long>(sql).SingleAsync(ct).ConfigureAwait(false);
            if (outside > 0) suspect.Add(key.Table);
        }

        var dangling = new List<Dangling>();
        foreach (var table in suspect)
        {
            dangling.AddRange(await _db.Database.SqlQueryRaw<Dangling>(
                """SELECT "table" AS "Table", "parent" AS "Parent", COUNT(*) AS "Rows" FROM pragma_foreign_key_check({0}) GROUP BY 1, 2 ORDER BY 1, 2""", table)
                .ToListAsync(ct).ConfigureAwait(false));
        }

        if (dangling.Count > 0)
        {
            throw new ImportException("the import would leave rows naming rows that do not exist ("
                + string.Join(", ", dangling.Select(d => $"{d.Rows} in {d.Table} → {d.Parent}")) + "); nothing was written. This is a bug in the importer: please report it with the lists.");
        }
    }

    /// <summary>N when the table's ids are exactly 1..N (0 when it is empty), else null.</summary>
    private async Task<long?> DenseCountAsync(string table, CancellationToken ct)
    {
        var sql = $"""SELECT COUNT(*) AS "Count", MIN("Id") AS "Min", MAX("Id") AS "Max" FROM {Quote(table)}""";
        var ids = await _db.Database.SqlQueryRaw<IdRange>(sql).SingleAsync(ct).ConfigureAwait(false);
        return ids.Count == 0 || (ids.Min == 1 && ids.Max == ids.Count) ? ids.Count : null;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Turns enforcement back on, puts the file back in WAL mode and closes the connection this opened.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON").ConfigureAwait(false);
            if (_leftLog) await FirstImportJournal.ReturnToLogAsync(_db).ConfigureAwait(false);
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

    private sealed record ForeignKey(string Table, string Column, string Parent, string ParentColumn, int Seq);

    private sealed record IdRange(long Count, long? Min, long? Max);
}
