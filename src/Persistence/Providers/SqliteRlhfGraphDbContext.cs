using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>
/// The model on SQLite. A subtype per provider is how EF Core keeps two migration sets for one
/// model in one assembly: each set is bound to its own context type.
/// </summary>
public sealed class SqliteRlhfGraphDbContext(DbContextOptions<SqliteRlhfGraphDbContext> options) : RlhfGraphDbContext(options)
{
    /// <summary>
    /// Text compares case-insensitively on both providers: SQL Server through its CI collation,
    /// SQLite through NOCASE on every text column, so =, IN, ORDER BY and keyset comparisons agree.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation("NOCASE");
}
