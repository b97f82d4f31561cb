using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;

namespace RlhfGraph.Schema.Querying;

/// <summary>The request's service scope, which the HTTP endpoint always sets.</summary>
internal static class ResolveFieldContextExtensions
{
    public static IServiceProvider Services(this IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to the request's service scope.");

    /// <summary>Runs one resolver's queries on a pooled context of its own (resolvers run in parallel; a shared context would not allow that).</summary>
    public static async Task<T> QueryAsync<T>(this IResolveFieldContext context, Func<RlhfGraphDbContext, CancellationToken, Task<T>> query)
    {
        var db = await context.Services().GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContextAsync(context.CancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await query(db, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
