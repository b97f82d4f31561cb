using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// A real, migrated SQLite database in a temporary file, deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private TestDatabase(string directory, string connectionString)
    {
        _directory = directory;
        ConnectionString = connectionString;
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, connectionString, new DatabaseOptions());
        Options = builder.Options;
        Contexts = new Factory(builder.Options);
    }

    public string ConnectionString { get; }

    public DbContextOptions<SqliteRlhfGraphDbContext> Options { get; }

    public IDbContextFactory<RlhfGraphDbContext> Contexts { get; }

    /// <summary>The repository's seed folder as copied next to the test assembly.</summary>
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed");

    public static async Task<TestDatabase> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "graph.db"), Pooling = false }.ToString();
        var db = new TestDatabase(directory, cs);
        await using var context = db.Contexts.CreateDbContext();
        await context.Database.MigrateAsync();
        return db;
    }

    public Importer CreateImporter() => new(Contexts, NullLogger<Importer>.Instance);

    public RlhfGraphDbContext CreateContext() => Contexts.CreateDbContext();

    public ValueTask DisposeAsync()
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

    private sealed class Factory(DbContextOptions<SqliteRlhfGraphDbContext> options) : IDbContextFactory<RlhfGraphDbContext>
    {
        public RlhfGraphDbContext CreateDbContext() => new SqliteRlhfGraphDbContext(options);
    }
}
