using RlhfGraph.Schema.Limits;

namespace RlhfGraph.Api.Observability;

/// <summary>
/// The one place the host reads an operation's estimated cost (rate limits charge it, telemetry records it), so a
/// new cost model is one method to repoint.
/// </summary>
internal static class OperationCost
{
    /// <summary>The cost the analyzer left in the request's UserContext, or null when it did not run (the document was refused first).</summary>
    public static double? Of(IDictionary<string, object?> userContext) =>
        userContext.TryGetValue(QueryCost.UserContextKey, out var value) && value is QueryCost.Cost cost ? cost.Requested : null;
}
