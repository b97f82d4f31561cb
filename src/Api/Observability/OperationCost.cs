using RlhfGraph.Schema.Limits;

namespace RlhfGraph.Api.Observability;

/// <summary>
/// The one place the host reads an operation's estimated cost (rate limits charge it, telemetry records it), so a
/// new cost model is one method to repoint.
/// </summary>
internal static class OperationCost
{
    /// <summary>
    /// The operation's field cost (HotChocolate's measure of work, what GitHub-style budgets count), as validation left it
    /// in the request's UserContext; null when validation stopped before computing it.
    /// </summary>
    public static double? Of(IDictionary<string, object?> userContext) => QueryCost.Of(userContext)?.FieldCost;
}
