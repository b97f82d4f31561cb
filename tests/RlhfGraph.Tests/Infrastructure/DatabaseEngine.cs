using RlhfGraph.Persistence;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// A database engine the suite runs on, shared by the whole test assembly (an assembly fixture): it hands out
/// fresh, migrated, empty databases. <see cref="SqliteEngine"/> always runs; <see cref="SqlServerEngine"/> needs Docker.
/// </summary>
public abstract class DatabaseEngine : IDatabaseFixture, IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }

    public string? SkipReason { get; protected set; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>A new, migrated, empty database; skips the calling test when the engine is not here.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        return await CreateMigratedDatabaseAsync();
    }

    protected abstract Task<TestDatabase> CreateMigratedDatabaseAsync();
}
