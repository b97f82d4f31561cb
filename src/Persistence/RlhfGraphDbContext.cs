using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Persistence;

/// <summary>The RLHF literature graph as tables.</summary>
/// <remarks>
/// Migrations are kept per provider, each bound to the provider's subtype of this context and
/// generated from this one model. Run from the repository root (`dotnet tool restore` once):
/// <code>
/// dotnet ef migrations add &lt;Name&gt; --project src/Persistence --context SqliteRlhfGraphDbContext --output-dir Migrations/Sqlite
/// dotnet ef migrations add &lt;Name&gt; --project src/Persistence --context SqlServerRlhfGraphDbContext --output-dir Migrations/SqlServer
/// </code>
/// Name a migration for what it changes (AddPaperCitationCount), never "Update1".
/// Raw SQL that must open its batch on SQL Server (CREATE VIEW, CREATE PROCEDURE) goes through <c>EXEC(N'...')</c>,
/// or the idempotent deployment script (<c>dotnet ef migrations script --idempotent</c>) is not valid T-SQL;
/// tests/RlhfGraph.Tests/Migrations/MigrationTests checks both providers' migrations against the model.
/// </remarks>
public abstract class RlhfGraphDbContext : DbContext
{
    protected RlhfGraphDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Whether this is the SQLite context. Asked on every request; EF Core's <c>Database.IsSqlite()</c> answers by
    /// reading the provider's name through its services, which showed in request profiles.
    /// </summary>
    public bool IsSqlite => this is Providers.SqliteRlhfGraphDbContext;

    public DbSet<Paper> Papers => Set<Paper>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<AuthorAlias> AuthorAliases => Set<AuthorAlias>();

    public DbSet<PaperAuthor> PaperAuthors => Set<PaperAuthor>();

    public DbSet<Codebase> Codebases => Set<Codebase>();

    public DbSet<PaperCodebase> PaperCodebases => Set<PaperCodebase>();

    public DbSet<CodebaseAuthor> CodebaseAuthors => Set<CodebaseAuthor>();

    public DbSet<Dataset> Datasets => Set<Dataset>();

    public DbSet<DatasetAlias> DatasetAliases => Set<DatasetAlias>();

    public DbSet<PaperDataset> PaperDatasets => Set<PaperDataset>();

    public DbSet<CodebaseDataset> CodebaseDatasets => Set<CodebaseDataset>();

    public DbSet<Keyword> Keywords => Set<Keyword>();

    public DbSet<PaperKeyword> PaperKeywords => Set<PaperKeyword>();

    public DbSet<CodebaseKeyword> CodebaseKeywords => Set<CodebaseKeyword>();

    public DbSet<Coauthorship> Coauthorships => Set<Coauthorship>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Mention> Mentions => Set<Mention>();

    /// <summary>One row: which import the data comes from (see <see cref="DataVersion"/>).</summary>
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>One row: this database's random id, written by its migration (see <see cref="DatabaseIdentity"/>).</summary>
    public DbSet<DatabaseIdentity> DatabaseIdentities => Set<DatabaseIdentity>();

    /// <summary>Every key an entity has held, beyond what its columns say, so that it keeps its id while any remains.</summary>
    public DbSet<IdentityKey> IdentityKeys => Set<IdentityKey>();

    /// <summary>Folded text of every searchable thing; read through <see cref="Search"/>.</summary>
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    /// <summary>This provider's search: LIKE over <see cref="SearchEntries"/> unless the provider has better.</summary>
    public virtual ISearchIndex Search => LikeSearchIndex.Instance;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RlhfGraphDbContext).Assembly);
}
