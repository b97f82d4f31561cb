using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Tests.Migrations;

/// <summary>
/// Each provider's migrations against the one model, checked without a server: nothing connects, so the SQL Server
/// half runs here too. Any EF warning is turned into an exception, so a model that only warns fails as well.
/// </summary>
public sealed class MigrationTests
{
    private const string DummySqlServer = "Server=no-such-host;Database=RlhfGraph;User Id=sa;Password=unused;TrustServerCertificate=True";

    private static RlhfGraphDbContext Context(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
                DatabaseProviders.ConfigureSqlite(sqlite, "Data Source=never-opened.db", new DatabaseOptions());
                sqlite.ConfigureWarnings(w => w.Default(WarningBehavior.Throw));
                return new SqliteRlhfGraphDbContext(sqlite.Options);
            default:
                var sql = new DbContextOptionsBuilder<SqlServerRlhfGraphDbContext>();
                DatabaseProviders.ConfigureSqlServer(sql, DummySqlServer, new DatabaseOptions { Provider = DatabaseProvider.SqlServer });
                sql.ConfigureWarnings(w => w.Default(WarningBehavior.Throw));
                return new SqlServerRlhfGraphDbContext(sql.Options);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void MigrationsAreInStepWithTheModel(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes no {provider} migration captures: add one with the `dotnet ef migrations add` command in RlhfGraphDbContext's remarks.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void BothProvidersHaveTheSameMigrationsInTheSameOrder(DatabaseProvider provider)
    {
        using var db = Context(provider);
        using var other = Context(provider == DatabaseProvider.Sqlite ? DatabaseProvider.SqlServer : DatabaseProvider.Sqlite);

        // Ids differ in their timestamps; the names after them must pair up one to one.
        Assert.Equal(Names(other), Names(db));

        static IEnumerable<string> Names(RlhfGraphDbContext context) => context.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public void TheModelValidatesUnderSqlServer()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var text = db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.SelectMany(t => t.Columns).Where(c => c.ProviderClrType == typeof(string)).ToList();

        // Case-insensitive like SQLite's NOCASE, whatever collation the server or database was given.
        Assert.NotEmpty(text);
        Assert.All(text, c => Assert.True(c.Collation == SqlServerRlhfGraphDbContext.Collation || IsEnum(c), $"{c.Table.Name}.{c.Name}: {c.Collation}"));

        // Enums are stored as their names and compared exactly; only the database's default collation applies to them.
        static bool IsEnum(IColumn c) => c.PropertyMappings.All(m => m.Property.ClrType.IsEnum);
    }

    [Fact]
    public void TheFullSqliteScriptGenerates()
    {
        using var db = Context(DatabaseProvider.Sqlite);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE \"Papers\"", script, StringComparison.Ordinal);
        Assert.Contains("COLLATE NOCASE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE VIEW Coauthorships", script, StringComparison.Ordinal);
        // …which a later migration replaces by a table it fills from the bylines.
        Assert.Contains("DROP VIEW Coauthorships", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"Coauthorships\"", script, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers)", script, StringComparison.Ordinal);
        Assert.All(db.Database.GetMigrations(), id => Assert.Contains($"'{id}'", script, StringComparison.Ordinal));
    }

    [Fact]
    public void TheIdempotentSqlServerScriptGenerates()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // Each migration runs only when the history table does not have it yet, so the script may be run again.
        Assert.All(db.Database.GetMigrations(), id =>
            Assert.Contains($"IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]\n    WHERE [MigrationId] = N'{id}'\n)", script.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Contains($"COLLATE {SqlServerRlhfGraphDbContext.Collation}", script, StringComparison.Ordinal);
        // A unique index on a nullable column is filtered, or every second paper without an arXiv id would collide.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Papers_ArxivId] ON [Papers] ([ArxivId]) WHERE [ArxivId] IS NOT NULL", script, StringComparison.Ordinal);
        // CREATE VIEW must start its batch; inside an IF block only EXEC gives it one.
        Assert.Contains("EXEC(N'CREATE VIEW Coauthorships AS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Coauthorships]", script, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers)", script, StringComparison.Ordinal);
        Assert.DoesNotContain("nvarchar(max)", Indexed(db), StringComparer.Ordinal);
    }

    [Fact]
    public void CoauthorshipsHaveNoForeignKeyOrSecondIndexAfterTheMigrations()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var sqlServer = Context(DatabaseProvider.SqlServer);

        var sqliteScript = sqlite.GetService<IMigrator>().GenerateScript();
        var sqlServerScript = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // The model keeps the relationship for the read side's join; the database drops what only the importer paid for.
        Assert.Contains("WITHOUT ROWID", sqliteScript, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [Coauthorships] DROP CONSTRAINT [FK_Coauthorships_Authors_CoauthorId]", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains("DROP INDEX [IX_Coauthorships_CoauthorId] ON [Coauthorships]", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE [Coauthorships] DROP CONSTRAINT [FK_Coauthorships_Authors_AuthorId]", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains("DROP INDEX [IX_Coauthorships_AuthorId_SharedPapers_CoauthorId] ON [Coauthorships]", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains("PRIMARY KEY CLUSTERED ([AuthorId], [SharedPapers] DESC, [CoauthorId])", sqlServerScript, StringComparison.Ordinal);
        Assert.Contains(Persistence.Migrations.Sqlite.CoauthorshipsClusteredInReadOrder.CreateTableSql, sqliteScript, StringComparison.Ordinal);
        var coauthorship = sqlite.Model.FindEntityType(typeof(Persistence.Entities.Coauthorship))!;
        Assert.NotNull(coauthorship.FindNavigation(nameof(Persistence.Entities.Coauthorship.Coauthor)));
        Assert.NotNull(coauthorship.FindNavigation(nameof(Persistence.Entities.Coauthorship.Author)));
    }

    [Fact]
    public void EveryUniqueIndexOnANullableColumnIsFilteredOnSqlServer()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        var unfiltered = db.Model.GetRelationalModel().Tables.SelectMany(t => t.Indexes)
            .Where(i => i.IsUnique && i.Columns.Any(c => c.IsNullable) && string.IsNullOrEmpty(i.Filter))
            .Select(i => i.Name);

        Assert.Empty(unfiltered);
    }

    [Fact]
    public void IndexedTextFitsSqlServersIndexKeyLimit()
    {
        using var db = Context(DatabaseProvider.SqlServer);

        // 1,700 bytes for a nonclustered index key, 900 for the clustered primary key; nvarchar is two bytes a character.
        var tooLong = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Indexes.Select(i => (i.Name, i.Columns, Limit: 1700)).Concat(t.UniqueConstraints.Select(u => (u.Name, u.Columns, Limit: 900))))
            .Where(k => k.Columns.Sum(KeyBytes) > k.Limit)
            .Select(k => $"{k.Name}: {k.Columns.Sum(KeyBytes)} bytes");

        Assert.Empty(tooLong);
    }

    [Fact]
    public void NoTableIsReachedByTwoCascadePathsWhichSqlServerRefuses()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        // SQL Server rejects a foreign key whose cascading delete would reach a table along a second path (error 1785).
        var edges = db.Model.GetRelationalModel().Tables.SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull)
            .Select(fk => (From: fk.PrincipalTable.Name, To: fk.Table.Name)).ToList();

        var doubled = new List<string>();
        foreach (var root in edges.Select(e => e.From).Distinct())
        {
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            Walk(root, [root]);
            doubled.AddRange(paths.Where(p => p.Value > 1).Select(p => $"{root} -> {p.Key}: {p.Value} paths"));

            void Walk(string table, HashSet<string> seen)
            {
                foreach (var (_, to) in edges.Where(e => e.From == table))
                {
                    Assert.True(seen.Add(to), $"Cascade cycle through {to}");
                    paths[to] = paths.GetValueOrDefault(to) + 1;
                    Walk(to, seen);
                    seen.Remove(to);
                }
            }
        }

        Assert.NotEmpty(edges);
        Assert.Empty(doubled);
    }

    private static IEnumerable<string> Indexed(RlhfGraphDbContext db) =>
        db.Model.GetRelationalModel().Tables.SelectMany(t => t.Indexes).SelectMany(i => i.Columns).Select(c => c.StoreType);

    private static int KeyBytes(IColumn column) => column.StoreType switch
    {
        "int" => 4,
        "bigint" or "datetime2" or "datetimeoffset" => 8,
        "bit" => 1,
        var s when s.StartsWith("nvarchar(", StringComparison.Ordinal) && s != "nvarchar(max)" => 2 * int.Parse(s[9..^1], System.Globalization.CultureInfo.InvariantCulture),
        var s => throw new InvalidOperationException($"{column.Table.Name}.{column.Name}: no key size known for {s}"),
    };
}
