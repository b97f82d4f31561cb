namespace RlhfGraph.Schema.Limits;

/// <summary>
/// What one operation costs in HotChocolate's model: <see cref="FieldCost"/> (work: resolvers, filters, sorts, times
/// list sizes) and <see cref="TypeCost"/> (objects returned). Read it with <see cref="QueryCost.Of"/> from the
/// request's UserContext; it is there once validation has run, before anything executes.
/// </summary>
public sealed record OperationCost(double FieldCost, double TypeCost);
