using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Import.Normalization;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Papers;

/// <summary>The root fields for papers.</summary>
internal sealed class PaperQueries : IRootFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ConnectionField<object?, PaperType>("papers", "Papers, surveys, reports, blog posts, talks and books, merged across all lists. Ordered by id unless `order` is given.")
            .ResolvePage(PaperType.All, db => db.Papers);

        query.Field<PaperType>("paperByArxivId")
            .Description("The paper with this arXiv id, or null. Accepts any form: \"2305.18290\", \"2305.18290v2\", \"arXiv:2305.18290\" or an abs/pdf URL.")
            .Argument<NonNullGraphType<StringGraphType>>("arxivId", "An arXiv id or URL in any common form.")
            .ResolveAsync(async context =>
            {
                var raw = context.GetArgument<string>("arxivId");
                var id = ArxivId.Parse(raw)
                    ?? throw new QueryError(QueryError.InvalidArgument, $"'{Truncate(raw)}' is not an arXiv id or URL.");
                var contexts = context.Services().GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>();
                var db = await contexts.CreateDbContextAsync(context.CancellationToken).ConfigureAwait(false);
                await using (db.ConfigureAwait(false))
                {
                    return await db.Papers.FirstOrDefaultAsync(p => p.ArxivId == id, context.CancellationToken).ConfigureAwait(false);
                }
            });
    }

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
