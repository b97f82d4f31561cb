using GraphQL;
using GraphQL.Types;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Nodes;

namespace RlhfGraph.Schema.Authors;

/// <summary>The root fields for authors.</summary>
internal sealed class AuthorQueries : IRootFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.ConnectionField<object?, AuthorType>("authors", "People and organisations credited on papers or codebases. Ordered by id unless `order` is given.")
            .ResolvePage(AuthorType.All, db => db.Authors);

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
                return await context.QueryAsync((db, ct) => AuthorPathFinder.FindAsync(db, from, to, maxHops, ct)).ConfigureAwait(false);
            });
    }

    private static int AuthorId(IResolveFieldContext context, string argument) =>
        NodeId.TryDecode(context.GetArgument<string>(argument)) is ("Author", var id)
            ? id
            : throw new QueryError(QueryError.InvalidNodeId, $"'{argument}' is not an Author id.");
}
