using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Persistence.Import.Normalization;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Papers;

/// <summary>The root fields for papers.</summary>
internal sealed class PaperQueries : IRootFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ConnectionField<object?, PaperType>("papers", "Papers, surveys, reports, blog posts, talks and books, merged across all lists. Ordered by id unless `order` is given.")
            .ResolvePage(PaperType.All);

        query.Field<PaperType>("paperByArxivId")
            .Description("The paper with this arXiv id, or null. Accepts any form: \"2305.18290\", \"2305.18290v2\", \"arXiv:2305.18290\" or an abs/pdf URL.")
            .Argument<NonNullGraphType<StringGraphType>>("arxivId", "An arXiv id or URL in any common form.")
            .ResolveAsync(async context =>
            {
                var raw = context.GetArgument<string>("arxivId");
                var id = ArxivId.Parse(raw)
                    ?? throw new QueryError(QueryError.InvalidArgument, $"'{Truncate(raw)}' is not an arXiv id or URL.");
                // One planned statement: the paper with that id (unique) and everything selected under it.
                var paper = (Expression<Func<Paper, bool>>)(p => p.ArxivId == id);
                var target = new Lookups.Target(PaperType.All, Lookups.TypeOf(context, PaperType.All), Lookups.Selection(context), paper, 1);
                var found = await Lookups.RunAsync(context, [target], cacheable: true).ConfigureAwait(false);
                return found[0].Values.FirstOrDefault();
            });
    }

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
