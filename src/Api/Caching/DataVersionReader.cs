using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Api.Caching;

/// <summary>Reads the importer's data version: one primary-key lookup, so an import by another process is seen at once.</summary>
internal sealed class DataVersionReader(IDbContextFactory<RlhfGraphDbContext> contexts)
{
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingletonId)
                .Select(v => v.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
