using GraphQL.Types;
using GraphQL.Validation.Complexity;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// The cost model, on graphql-dotnet's complexity analyzer: every field costs 1 for each object it is
/// asked of; a connection's nodes/edges multiply by its page size (first/last, else the default page
/// size, clamped to the page-size range since the resolver refuses anything outside it); nodes(ids:) by
/// the number of ids; other lists by the default page size. Introspection costs nothing here: its own
/// recursion limit bounds it. Depth is DocumentLimitsRule's (introspection aside). The analyzer runs
/// after validation, only when nothing else refused the document, and before execution, so a refused
/// query issues no SQL.
/// </summary>
internal static class QueryCost
{
    /// <summary>UserContext key under which the computed cost and depth are left for the HTTP layer.</summary>
    public const string UserContextKey = "rlhfgraph.cost";

    public static void Configure(ComplexityOptions complexity, LimitsOptions limits, PagingOptions paging)
    {
        complexity.MaxComplexity = limits.MaxCost;
        complexity.DefaultComplexityImpactDelegate = context => Impact(context, paging);
        complexity.ValidateComplexityDelegate = context =>
        {
            var depth = context.ValidationContext.UserContext.TryGetValue(DocumentLimitsRule.DepthKey, out var d) && d is int measured ? measured : 0;
            context.ValidationContext.UserContext[UserContextKey] = new Cost(context.TotalImpact, limits.MaxCost, depth, limits.MaxDepth);
            if (context.Error is not null)
            {
                context.Error = new LimitError(LimitError.TooComplex,
                    $"The query's estimated cost is {Cost.Format(context.TotalImpact)}; at most {limits.MaxCost:N0} is allowed. Ask for smaller pages (first/last) or fewer nested lists.");
            }

            return Task.CompletedTask;
        };
    }

    private static FieldComplexityResult Impact(FieldImpactContext context, PagingOptions paging)
    {
        var field = context.FieldDefinition;
        if (field.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
            return new(0, 1);
        if (Unwrap(field.ResolvedType) is not ListGraphType) return new(1, 1);

        if (context.Arguments?.TryGetValue("ids", out var ids) == true)
            return new(1, ids.Value is System.Collections.ICollection list ? Math.Max(list.Count, 1) : 1);
        // nodes/edges of a connection: the connection field above holds the page size.
        if (context.Parent is { } parent && parent.FieldDefinition.Arguments?.Find("first") is not null)
            return new(1, PageSize(parent, paging));
        return new(1, paging.DefaultPageSize);
    }

    private static double PageSize(FieldImpactContext connection, PagingOptions paging)
    {
        var size = connection.Arguments?.TryGetValue("first", out var first) == true && first.Value is int f ? f
            : connection.Arguments?.TryGetValue("last", out var last) == true && last.Value is int l ? l
            : paging.DefaultPageSize;
        return Math.Clamp(size, 1, paging.MaxPageSize);
    }

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;

    /// <summary>What the analyzer computed for one request, next to the limits it was held to.</summary>
    public sealed record Cost(double Requested, int Maximum, int Depth, int MaxDepth)
    {
        public static string Format(double value) =>
            value >= 1e12 ? value.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture) : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
