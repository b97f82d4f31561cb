using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// An edge of a connection: the node and its cursor. Not sealed on purpose: an edge that carries
/// data of the link itself (a paper's code relation) derives from it.
/// </summary>
internal class EdgeType<TNodeGraphType> : ObjectGraphType<Edge>
    where TNodeGraphType : IGraphType, IEntityGraphType
{
    public EdgeType()
        : this($"{TNodeGraphType.Model.GraphName}s")
    {
    }

    protected EdgeType(string listName)
    {
        Name = $"{listName}Edge";
        Description = $"One {TNodeGraphType.Model.GraphName} in a page, with the cursor that marks its place.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque position of this edge; valid for the same field with the same order.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Description($"The {TNodeGraphType.Model.GraphName}.").Resolve(c => c.Source.Node);
    }
}
