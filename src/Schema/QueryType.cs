using GraphQL.Types;

namespace RlhfGraph.Schema;

/// <summary>The root Query type: each entity folder contributes its own fields.</summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IRootFields> contributions)
    {
        Name = "Query";
        Description = "Entry points into the RLHF literature graph: papers, authors, codebases, datasets, keywords and the lists they come from.";
        foreach (var contribution in contributions) contribution.AddTo(this);
    }
}
