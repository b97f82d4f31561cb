namespace RlhfGraph.Persistence;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Seconds a single SQL command may take; unset, <see cref="SqlServerDefaultCommandTimeoutSeconds"/> on SQL Server
    /// and <see cref="SqliteDefaultCommandTimeoutSeconds"/> on SQLite. A SQLite command is never stopped while it runs
    /// (the execution timeout in Limits cancels it); this is how long it waits for a lock another connection holds, so a
    /// locked database file answers 503 within seconds instead of hanging, and a second `seed` gives up clearly.
    /// </summary>
    public int? CommandTimeoutSeconds { get; set; }

    public const int SqlServerDefaultCommandTimeoutSeconds = 30;

    public const int SqliteDefaultCommandTimeoutSeconds = 3;

    /// <summary>
    /// Migrate, and seed an empty database, when the API starts. Defaults to on for SQLite (zero set-up)
    /// and off for SQL Server, where `migrate` and `seed` are deployment steps.
    /// </summary>
    public bool? InitializeOnStartup { get; set; }

    /// <summary>The seed folder (list files plus sources.json); relative paths are resolved from the content root.</summary>
    public string SeedDirectory { get; set; } = "seed";

    public bool ShouldInitializeOnStartup => InitializeOnStartup ?? Provider == DatabaseProvider.Sqlite;
}

/// <summary>The databases the graph can live in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
