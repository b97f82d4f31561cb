using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// One database seeded from the real lists, shared by the read-only tests of a collection. Abstract over the
/// engine: <see cref="SqliteSeededDatabase"/> and <see cref="SqlServerSeededDatabase"/> are the two collection fixtures.
/// </summary>
public abstract class SeededDatabase(DatabaseEngine engine) : IDatabaseFixture, IAsyncLifetime
{
    private TestDatabase? _database;
    private ImportReport? _report;

    public string? SkipReason => engine.SkipReason;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public ImportReport Report => _report ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null) return;
        _database = await engine.CreateDatabaseAsync();
        _report = await _database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The seeded database on SQLite.</summary>
public sealed class SqliteSeededDatabase(SqliteEngine engine) : SeededDatabase(engine);

/// <summary>The seeded database on SQL Server.</summary>
public sealed class SqlServerSeededDatabase(SqlServerEngine engine) : SeededDatabase(engine);

[CollectionDefinition(Name)]
public sealed class SqliteSeededCollection : ICollectionFixture<SqliteSeededDatabase>
{
    public const string Name = "Seeded database on SQLite";
}

[CollectionDefinition(Name)]
public sealed class SqlServerSeededCollection : ICollectionFixture<SqlServerSeededDatabase>
{
    public const string Name = "Seeded database on SQL Server";
}
