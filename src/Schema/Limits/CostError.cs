using GraphQL.Validation;

namespace RlhfGraph.Schema.Limits;

/// <summary>An operation over a cost limit, shaped as HotChocolate's: code HC0047 and the cost and limit in extensions.</summary>
internal sealed class CostError : ValidationError
{
    public CostError(string message, Dictionary<string, object?> extensions)
        : base(message)
    {
        Code = QueryCost.CostExceeded;
        CostFields = extensions;
    }

    /// <summary>Added to the error's extensions by the error info provider.</summary>
    public IReadOnlyDictionary<string, object?> CostFields { get; }
}
