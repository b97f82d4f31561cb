namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Sees every plan a root list field builds, before it runs: the tests register one that compiles each plan for
/// SQL Server too, to parse every statement the SQL Server path can emit. None in production.
/// </summary>
internal interface IPlanObserver
{
    void Planned(ListPlan plan);
}
