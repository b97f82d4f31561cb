using Microsoft.EntityFrameworkCore.Metadata;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// Sees the plans of every statement a field plans (a root list, a lookup, the lookups of several node types that
/// share one statement, a level of related papers), before it runs, with how to write that statement for a model and
/// database: the tests register one that writes each for SQL Server too, to parse every statement the SQL Server path
/// can emit. None in production.
/// </summary>
internal interface IPlanObserver
{
    void Planned(IReadOnlyList<ListPlan> plans, Func<IModel, SqlDialect, CompiledStatement> compile);
}
