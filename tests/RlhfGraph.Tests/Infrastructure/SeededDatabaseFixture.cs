using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>One database seeded from the real lists, shared by the read-only tests of a collection.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ImportReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Report = await Database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededDatabaseCollection : ICollectionFixture<SeededDatabaseFixture>
{
    public const string Name = "Seeded database";
}
