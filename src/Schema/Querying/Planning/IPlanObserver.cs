namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Sees the plans of every statement a field plans (a root list, a lookup, the lookups of several node types that
/// share one statement), before it runs: the tests register one that compiles each for SQL Server too, to parse every
/// statement the SQL Server path can emit. None in production.
/// </summary>
internal interface IPlanObserver
{
    void Planned(IReadOnlyList<ListPlan> plans);
}
