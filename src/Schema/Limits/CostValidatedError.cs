using GraphQL.Validation;

namespace RlhfGraph.Schema.Limits;

/// <summary>Stops a `GraphQL-Cost: validate` request after its cost is known; the HTTP layer answers with the cost alone.</summary>
public sealed class CostValidatedError : ValidationError
{
    public CostValidatedError()
        : base("The operation's cost was computed and, as GraphQL-Cost: validate asks, not executed.")
    {
        Code = "COST_VALIDATED";
    }
}
