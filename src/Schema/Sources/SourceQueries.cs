using RlhfGraph.Schema.Querying;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Schema.Sources;

/// <summary>The root fields for the lists themselves.</summary>
internal sealed class SourceQueries : IRootFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceType>>>>("sources")
            .Description("The lists the graph was imported from, by name.")
            .ResolveAsync(async context =>
                await context.QueryAsync((db, ct) => db.Sources.OrderBy(s => s.Name).ToListAsync(ct)).ConfigureAwait(false));
}
