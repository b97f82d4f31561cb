using RlhfGraph.Schema.Querying;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;

namespace RlhfGraph.Schema.Sources;

/// <summary>The root fields for the lists themselves.</summary>
internal sealed class SourceQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .Description("The lists the graph was imported from, by name.")
            .ResolveAsync(async context =>
            {
                var contexts = context.Services().GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>();
                var db = await contexts.CreateDbContextAsync(context.CancellationToken).ConfigureAwait(false);
                await using (db.ConfigureAwait(false))
                {
                    return await db.Sources.OrderBy(s => s.Name).ToListAsync(context.CancellationToken).ConfigureAwait(false);
                }
            });
}
