using GraphQL;
using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Authors;

/// <summary>The root fields for authors.</summary>
internal sealed class AuthorQueries : IRootFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ConnectionField<object?, AuthorType>("authors", "People and organisations credited on papers or codebases. Ordered by id unless `order` is given.")
            .ResolvePage(AuthorType.All);

        query.Field<AuthorPathType>("authorPath")
            .Description($"A shortest co-authorship path between two authors (who wrote with whom, and on which paper), or null when none is within `maxHops`. Bounded: at most {AuthorPathFinder.MaxHops} hops and {AuthorPathFinder.MaxVisited} authors visited.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "Global id of the first author.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "Global id of the last author.")
            .Argument<IntGraphType>("maxHops", $"Longest path to look for (1 to {AuthorPathFinder.MaxHops}).", a => a.DefaultValue = 4)
            .ResolveAsync(async context =>
            {
                var from = AuthorId(context, "from");
                var to = AuthorId(context, "to");
                var maxHops = context.GetArgument<int>("maxHops");
                if (maxHops is < 1 or > AuthorPathFinder.MaxHops)
                    throw new QueryError(QueryError.InvalidArgument, $"maxHops must be between 1 and {AuthorPathFinder.MaxHops}; got {maxHops}.");
                if (await context.QueryAsync((db, ct) => AuthorPathFinder.FindAsync(context.Services(), db, from, to, maxHops, ct)).ConfigureAwait(false) is not { } ids)
                    return null;
                var (authors, papers) = ids;

                // The path's authors and papers, with everything selected under them, in one planned statement.
                var path = (IComplexGraphType)context.FieldDefinition.ResolvedType!.GetNamedType();
                var selection = Lookups.Selection(context);
                var targets = new List<Lookups.Target> { Lookups.ByIds(context, AuthorType.All, Planner.SetsOf(context, path, selection, "authors"), authors, AuthorPathFinder.MaxHops + 1) };
                if (papers.Count > 0) targets.Add(Lookups.ByIds(context, PaperType.All, Planner.SetsOf(context, path, selection, "papers"), papers, AuthorPathFinder.MaxHops));
                var found = await Lookups.RunAsync(context, targets, cacheable: false).ConfigureAwait(false);
                // No statement asked whether the ends exist: an id that is no author has no row here.
                if (authors.Any(id => !found[0].ContainsKey(id))) return null;
                return new AuthorPath(
                    [.. authors.Select(id => (Author)found[0][id])],
                    papers.Count == 0 ? [] : [.. papers.Select(id => (Paper)found[1][id])]);
            });
    }

    private static int AuthorId(IResolveFieldContext context, string argument) =>
        NodeId.TryDecode(context.GetArgument<string>(argument)) is ("Author", var id)
            ? id
            : throw new QueryError(QueryError.InvalidNodeId, $"'{argument}' is not an Author id.");
}
