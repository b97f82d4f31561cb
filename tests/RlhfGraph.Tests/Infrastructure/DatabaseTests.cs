namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// Base of every test class that runs once per database engine: when the engine is not here (no Docker for
/// SQL Server), each of its tests is reported skipped with the reason, never passed.
/// </summary>
public abstract class DatabaseTests
{
    protected DatabaseTests(IDatabaseFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? string.Empty);
    }
}
