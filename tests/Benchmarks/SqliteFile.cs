using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Benchmarks;

/// <summary>A SQLite database file and contexts over it, configured exactly as the API configures its own.</summary>
internal sealed class SqliteFile(string path) : IDbContextFactory<RlhfGraphDbContext>
{
    private readonly DbContextOptions<SqliteRlhfGraphDbContext> _options = Configure(path);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path) }.ToString();

    public RlhfGraphDbContext CreateDbContext() => new SqliteRlhfGraphDbContext(_options);

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        // As the API's migrate does, so an import here writes the pages the API's file has.
        await SqlitePages.SizeNewFileAsync(db, CancellationToken.None);
        await db.Database.MigrateAsync();
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
            File.Delete(Path + suffix);
    }

    private static DbContextOptions<SqliteRlhfGraphDbContext> Configure(string path)
    {
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(path) }.ToString(), new DatabaseOptions());
        return builder.Options;
    }
}
