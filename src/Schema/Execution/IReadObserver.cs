using RlhfGraph.Persistence;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// Sees every unit of database work a request runs, before it runs: the tests register one that replays it on a
/// SQL Server context which never connects, to parse every T-SQL text the SQL Server path can emit. None in production.
/// </summary>
internal interface IReadObserver
{
    Task ObserveAsync<T>(Func<RlhfGraphDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
