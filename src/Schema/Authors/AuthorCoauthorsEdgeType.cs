using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Authors;

/// <summary>An edge from an author to a co-author, carrying how many papers they share.</summary>
internal sealed class AuthorCoauthorsEdgeType : EdgeType<AuthorType>
{
    public AuthorCoauthorsEdgeType()
        : base("Coauthors")  // HotChocolate names a connection after its field: coauthors → CoauthorsConnection
    {
        Field<NonNullGraphType<IntGraphType>>("sharedPapers")
            .Description("How many papers credit both authors; co-authors are ranked by it.")
            .Resolve(context => ((Coauthorship)context.Source.Item).SharedPapers);
    }
}
