using GraphQL;

namespace RlhfGraph.Schema.Querying;

/// <summary>The request's service scope, which the HTTP endpoint always sets.</summary>
internal static class ResolveFieldContextExtensions
{
    public static IServiceProvider Services(this IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to the request's service scope.");
}
