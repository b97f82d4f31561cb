namespace RlhfGraph.Persistence;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Seconds a single SQL command may run.</summary>
    public int CommandTimeoutSeconds { get; set; } = 30;

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
