namespace RlhfGraph.Tests.Infrastructure;

/// <summary>Anything that puts a test on one database engine, and can say why that engine is not here.</summary>
public interface IDatabaseFixture
{
    /// <summary>Null when the engine runs here; otherwise why every test on it is skipped.</summary>
    string? SkipReason { get; }
}
