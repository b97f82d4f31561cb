using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>The model on SQL Server, with its own migrations (see <see cref="SqliteRlhfGraphDbContext"/>).</summary>
public sealed class SqlServerRlhfGraphDbContext(DbContextOptions<SqlServerRlhfGraphDbContext> options) : RlhfGraphDbContext(options)
{
    /// <summary>Case-insensitive, accent-sensitive, like SQLite's NOCASE; chosen here rather than inherited from the server.</summary>
    public const string Collation = "Latin1_General_100_CI_AS_SC";

    /// <summary>
    /// On every text column rather than on the database: a database's collation is fixed when it is created (and cannot
    /// be changed at all on Azure SQL), often by someone else, while a column's travels in the migration.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation(Collation);
}
