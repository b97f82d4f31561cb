using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// Where read sessions get their contexts. On SQLite, a pool of their own (same options, interceptors included):
/// its contexts keep their connection and prepared statements between requests (<see cref="SqliteStatements"/>), so
/// nothing else — the importer sets lock timeouts, health checks open and close — may ever lease them. On SQL Server,
/// the application's pooled contexts.
/// </summary>
internal sealed class ReadContexts(IServiceProvider services, IDbContextFactory<RlhfGraphDbContext> shared)
{
    private readonly Lazy<PooledDbContextFactory<SqliteRlhfGraphDbContext>?> _sqlite = new(() =>
        services.GetService<DbContextOptions<SqliteRlhfGraphDbContext>>() is { } options ? new PooledDbContextFactory<SqliteRlhfGraphDbContext>(options) : null);

    public async Task<RlhfGraphDbContext> CreateAsync(CancellationToken cancellationToken) =>
        _sqlite.Value is { } sqlite
            ? await sqlite.CreateDbContextAsync(cancellationToken).ConfigureAwait(false)
            : await shared.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
