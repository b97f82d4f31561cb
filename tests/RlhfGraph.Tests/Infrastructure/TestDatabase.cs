using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// A real, migrated database of one provider, private to its owner and removed on dispose. Get one from a
/// <see cref="DatabaseEngine"/>; <see cref="CreateAsync"/> is the SQLite shortcut for tests that are not per engine.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private IDbContextFactory<RlhfGraphDbContext>? _contexts;

    protected TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>
    /// The connection string with pooling on or off. Test databases turn it off so their files can be deleted on any OS;
    /// the app ships with it on, and on SQLite only a pooled connection keeps prepared statements.
    /// </summary>
    public string ConnectionStringWithPooling(bool pooling) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString, ["Pooling"] = pooling }.ConnectionString;

    public abstract DatabaseProvider Provider { get; }

    public IDbContextFactory<RlhfGraphDbContext> Contexts => _contexts ??= CreateContexts();

    /// <summary>The repository's seed folder as copied next to the test assembly.</summary>
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed");

    /// <summary>A SQLite database, for tests that do not run once per engine.</summary>
    public static async Task<TestDatabase> CreateAsync() => await SqliteTestDatabase.CreateAsync();

    /// <summary>Contexts configured as the app configures them, plus the given interceptors (to count or break commands).</summary>
    public abstract IDbContextFactory<RlhfGraphDbContext> CreateContexts(params IInterceptor[] interceptors);

    /// <summary>Adds an interceptor to the API's contexts for this provider.</summary>
    public abstract void AddInterceptor(IServiceCollection services, IInterceptor interceptor);

    public Importer CreateImporter(params IInterceptor[] interceptors) =>
        new(interceptors.Length == 0 ? Contexts : CreateContexts(interceptors), NullLogger<Importer>.Instance);

    public RlhfGraphDbContext CreateContext() => Contexts.CreateDbContext();

    /// <summary>A checksum of every row of every table (see <see cref="DatabaseSnapshot"/>).</summary>
    public Task<IReadOnlyDictionary<string, string>> SnapshotAsync() => DatabaseSnapshot.TakeAsync(this);

    public abstract ValueTask DisposeAsync();

    protected sealed class Factory<TContext>(DbContextOptions<TContext> options, Func<DbContextOptions<TContext>, TContext> create) : IDbContextFactory<RlhfGraphDbContext>
        where TContext : RlhfGraphDbContext
    {
        public RlhfGraphDbContext CreateDbContext() => create(options);
    }
}
