
namespace RlhfGraph.Schema;

/// <summary>The GraphQL schema of the RLHF literature graph.</summary>
internal sealed class RlhfGraphSchema : GraphQL.Types.Schema
{
    public RlhfGraphSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Description = "The RLHF research literature as one connected graph: papers, authors, codebases and datasets from five curated lists, linked both ways.";
        Query = query;
    }
}
