using GraphQL.Types;

namespace RlhfGraph.Schema;

/// <summary>An entity folder's root fields; the Query type is the sum of them.</summary>
internal interface IRootFields
{
    void AddTo(ObjectGraphType query);
}
