using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Provider options in one place, shared by the running app and the design-time factories so migrations see what runs.</summary>
internal static class DatabaseProviders
{
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options) =>
        builder.UseSqlite(connectionString, sqlite => sqlite
                .CommandTimeout(options.CommandTimeoutSeconds ?? DatabaseOptions.SqliteDefaultCommandTimeoutSeconds)
                .MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options) =>
        builder.UseSqlServer(connectionString, sql => sql
                .CommandTimeout(options.CommandTimeoutSeconds ?? DatabaseOptions.SqlServerDefaultCommandTimeoutSeconds)
                .EnableRetryOnFailure()
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
