using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Api.Health;

/// <summary>
/// Ready when the database answers a real query on the graph's tables within a few seconds. On SQLite the file is
/// checked first by identity: a deleted file is unready even while open handles still read it, and a file replaced at
/// the path empties the connection pools, so the query below (and every request after it) reads the new one.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<RlhfGraphDbContext> contexts) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget);
        try
        {
            var db = await contexts.CreateDbContextAsync(timeout.Token).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                if (db.Database.IsSqlite() && db.Database.GetConnectionString() is { } connectionString
                    && SqliteFileIdentity.Check(connectionString) == SqliteFileState.Missing)
                    return HealthCheckResult.Unhealthy("the database file is missing");
                // CanConnect alone succeeds on a missing SQLite file (it creates one); reading a table does not.
                var sources = await db.Sources.CountAsync(timeout.Token).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"{sources} sources imported");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
