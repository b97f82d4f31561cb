using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Schema.Execution;

namespace RlhfGraph.Schema.Querying;

/// <summary>The request's service scope, which the HTTP endpoint always sets.</summary>
internal static class ResolveFieldContextExtensions
{
    public static IServiceProvider Services(this IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to the request's service scope.");

    /// <summary>Runs one resolver's queries on the request's read session (one snapshot; other resolvers' work waits its turn).</summary>
    public static Task<T> QueryAsync<T>(this IResolveFieldContext context, Func<RlhfGraphDbContext, CancellationToken, Task<T>> query) =>
        context.Services().GetRequiredService<ReadSession>().RunAsync(query, context.CancellationToken);
}
