using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>A new catalog on the test SQL Server, created by the SQL Server migrations and dropped on dispose.</summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private SqlServerTestDatabase(string connectionString) : base(connectionString)
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <param name="serverConnectionString">Any connection string to the server; the catalog is replaced by a new one.</param>
    public static async Task<SqlServerTestDatabase> CreateAsync(string serverConnectionString)
    {
        var cs = new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = $"rlhfgraph_{Guid.NewGuid():N}" }.ToString();
        var db = new SqlServerTestDatabase(cs);
        await using var context = db.CreateContext();
        await context.Database.MigrateAsync();
        await ReadSnapshot.EnableAsync(context, CancellationToken.None);  // as the migrate command does
        return db;
    }

    public override IDbContextFactory<RlhfGraphDbContext> CreateContexts(params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<SqlServerRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlServer(builder, ConnectionString, new DatabaseOptions { Provider = DatabaseProvider.SqlServer });
        builder.AddInterceptors(interceptors);
        return new Factory<SqlServerRlhfGraphDbContext>(builder.Options, o => new SqlServerRlhfGraphDbContext(o));
    }

    public override void AddInterceptor(IServiceCollection services, IInterceptor interceptor) =>
        services.ConfigureDbContext<SqlServerRlhfGraphDbContext>(options => options.AddInterceptors(interceptor));

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await using var context = CreateContext();
        await context.Database.EnsureDeletedAsync();
    }
}
