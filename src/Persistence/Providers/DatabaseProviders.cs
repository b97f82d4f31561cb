using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Provider options in one place, shared by the running app and the design-time factories so migrations see what runs.</summary>
internal static class DatabaseProviders
{
    // A failed command is the API's to judge: an outage is logged once as a warning (with the exception), a statement
    // too large for the engine as the client's mistake; EF Core's own Error entries would log each one again as an error.
    private static void QuietFailures(WarningsConfigurationBuilder warnings) =>
        warnings.Log((RelationalEventId.CommandError, LogLevel.Information), (CoreEventId.QueryIterationFailed, LogLevel.Information));

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options) =>
        builder.UseSqlite(connectionString, sqlite => sqlite
                .CommandTimeout(options.CommandTimeoutSeconds ?? DatabaseOptions.SqliteDefaultCommandTimeoutSeconds)
                .MigrationsHistoryTable("__EFMigrationsHistory"))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .ConfigureWarnings(QuietFailures);

    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString, DatabaseOptions options) =>
        builder.UseSqlServer(connectionString, sql => sql
                .CommandTimeout(options.CommandTimeoutSeconds ?? DatabaseOptions.SqlServerDefaultCommandTimeoutSeconds)
                .EnableRetryOnFailure()
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .ConfigureWarnings(QuietFailures);
}
