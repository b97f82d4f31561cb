using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Search;

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
    /// <summary>FTS5 full-text search with bm25 ranking.</summary>
    public override ISearchIndex Search => Fts5SearchIndex.Instance;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().UseCollation("NOCASE");
}
