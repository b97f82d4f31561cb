using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>The model on SQL Server, with its own migrations (see <see cref="SqliteRlhfGraphDbContext"/>).</summary>
public sealed class SqlServerRlhfGraphDbContext(DbContextOptions<SqlServerRlhfGraphDbContext> options) : RlhfGraphDbContext(options)
{
    /// <summary>Case-insensitive, accent-sensitive, like SQLite's NOCASE; chosen here rather than inherited from the server.</summary>
    public const string Collation = "Latin1_General_100_CI_AS_SC";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseCollation(Collation);
    }
}
