using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// On SQLite, a first import writes its rows with no secondary index in place and creates the indexes again after the
/// last row, from their own SQL: one sorted pass per index instead of a b-tree search per row and index (250k-item list:
/// the entities' write was half SQLite, a third of that finding each new key's place in the papers' eleven indexes;
/// all tables 10.6–11.4 s with the indexes, 8.7 s without them and creating them after; docs/benchmarks.md §13).
/// </summary>
/// <remarks>
/// Only a first import (see <see cref="FirstImportKeys"/>), whose own reads before the indexes return are of empty
/// tables; the derived tables and the search index are made after. Dropping and creating are statements of the
/// import's transaction, so a failed import rolls them back with the rows: the database keeps every index it had. A
/// unique index that its rows would break fails as its creation runs, and with it the import. Readers serving the empty
/// database meanwhile see the schema change when the import commits, and SQLite prepares their statements again
/// (ReadSnapshotTests holds them to it).
/// </remarks>
internal sealed class FirstImportIndexes
{
    private readonly RlhfGraphDbContext _db;
    private readonly List<Index> _dropped;

    private FirstImportIndexes(RlhfGraphDbContext db, List<Index> dropped) => (_db, _dropped) = (db, dropped);

    /// <summary>Drops every index the schema declares (those SQLite makes for a table's own keys stay), in the current transaction.</summary>
    public static async Task<FirstImportIndexes> DropAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        var indexes = await db.Database.SqlQueryRaw<Index>(
            "SELECT name AS \"Name\", sql AS \"Sql\" FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").ToListAsync(ct).ConfigureAwait(false);
        foreach (var index in indexes)
        {
            // A name from the schema itself, quoted.
            var drop = $"DROP INDEX \"{index.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await db.Database.ExecuteSqlRawAsync(drop, ct).ConfigureAwait(false);
        }

        return new FirstImportIndexes(db, indexes);
    }

    /// <summary>Creates the dropped indexes again, each by the statement that made it.</summary>
    public async Task CreateAsync(CancellationToken ct)
    {
        // The statements are the schema's own text, read above; nothing in them comes from a list.
        foreach (var index in _dropped) await _db.Database.ExecuteSqlRawAsync(index.Sql, ct).ConfigureAwait(false);
    }

    private sealed record Index(string Name, string Sql);
}
