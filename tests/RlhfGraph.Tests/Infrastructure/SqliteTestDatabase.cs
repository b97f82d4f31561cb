using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>A migrated SQLite database in a temporary file, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory;

    private SqliteTestDatabase(string directory, string connectionString) : base(connectionString) => _directory = directory;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public static new async Task<SqliteTestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "graph.db"), Pooling = false }.ToString();
        var db = new SqliteTestDatabase(directory, cs);
        await using var context = db.CreateContext();
        // As the migrate command does: the page size of a new file, the migrations, the write-ahead log.
        await SqlitePages.SizeNewFileAsync(context, CancellationToken.None);
        await context.Database.MigrateAsync();
        await ReadSnapshot.EnableAsync(context, CancellationToken.None);
        return db;
    }

    public override IDbContextFactory<RlhfGraphDbContext> CreateContexts(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, ConnectionString, new DatabaseOptions());
        builder.AddInterceptors(interceptors);
        return new Factory<SqliteRlhfGraphDbContext>(builder.Options, o => new SqliteRlhfGraphDbContext(o));
    }

    /// <summary>
    /// Contexts whose connections are pooled, as the app's are (tests otherwise turn pooling off so files can be
    /// deleted): for what a connection carries to its next user, such as a pragma.
    /// </summary>
    public IDbContextFactory<RlhfGraphDbContext> CreatePooledContexts()
    {
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, ConnectionStringWithPooling(true), new DatabaseOptions());
        return new Factory<SqliteRlhfGraphDbContext>(builder.Options, o => new SqliteRlhfGraphDbContext(o));
    }

    public override void AddInterceptor(IServiceCollection services, IInterceptor interceptor) =>
        services.ConfigureDbContext<SqliteRlhfGraphDbContext>(options => options.AddInterceptors(interceptor));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another handle is the OS's to clean; the folder is under the temp path.
        }

        return ValueTask.CompletedTask;
    }
}
