using RlhfGraph.Persistence;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>SQLite: each database a temporary file; nothing to start.</summary>
public sealed class SqliteEngine : DatabaseEngine
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override async Task<TestDatabase> CreateMigratedDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
