using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Api.Caching;

/// <summary>
/// Reads which database and which import the data comes from, in one statement of two primary-key lookups, so an
/// import by another process (or another database file put in place) is seen at once.
/// </summary>
internal sealed class DataVersionReader(IDbContextFactory<RlhfGraphDbContext> contexts)
{
    public async Task<DataIdentity> ReadAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (db.IsSqlite && db.Database.GetConnectionString() is { } connectionString) SqliteFileIdentity.Check(connectionString);
            var row = await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId)
                .Select(v => new
                {
                    v.Version,
                    Database = db.DatabaseIdentities.Where(i => i.Id == DatabaseIdentity.SingletonId).Select(i => i.Value).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return new DataIdentity(row?.Database ?? "", row?.Version ?? 0);
        }
    }
}

/// <summary>The database's random id (see <see cref="DatabaseIdentity"/>) and its data version: together, what the data is.</summary>
internal readonly record struct DataIdentity(string Database, long Version);
