using GraphQL.Types;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Codebases;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Papers;

/// <summary>An edge from a paper to its code, carrying how the list described the code.</summary>
internal sealed class PaperCodebasesEdgeType : EdgeType<CodebaseType>
{
    public PaperCodebasesEdgeType()
        : base("PaperCodebases")  // an explicit connection name, as HotChocolate needs one here: Query.codebases has plain edges
    {
        Field<NonNullGraphType<CodeRelationType>>("relation")
            .Description("Official (the authors' code), third party, or unspecified, as the list says.")
            .Resolve(context => ((PaperCodebase)context.Source.Item).Relation);
    }
}
