using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>
/// The page size a new SQLite file is made with: 16 KB instead of SQLite's 4 KB. A large import writes a quarter as many
/// pages and b-tree nodes (250k-item list: the tail from the indexes to the commit 17.9–18.4 s against 19.4–20.5 s in three
/// neighbouring pairs, the co-authorships' insert most of it), and the read path does not notice (the LoadTest mix over the
/// 10k corpus, four alternating rounds each: 1 356–1 647 against 1 407–1 681 requests/s); docs/benchmarks.md §13.
/// </summary>
/// <remarks>
/// SQLite fixes a file's page size when its first table is made; changing it later takes a VACUUM, which nothing here
/// runs, so a file that already has pages keeps the size it was made with.
/// </remarks>
public static class SqlitePages
{
    /// <summary>Bytes per page of a file this app makes.</summary>
    public const int NewFileSize = 16384;

    /// <summary>
    /// On SQLite, and only for a file with no pages yet: opens the context's connection and sets the page size on it. Call
    /// it on the context that then migrates, which makes the first table on that same open connection (EF Core would
    /// otherwise make the file itself, already in WAL mode, where the page size can no longer change).
    /// </summary>
    public static async Task SizeNewFileAsync(RlhfGraphDbContext db, CancellationToken cancellationToken)
    {
        if (!db.IsSqlite) return;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = "PRAGMA page_count";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0) return;
            // Our own constant, never user text.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {NewFileSize}");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
