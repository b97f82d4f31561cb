using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>Relay's Node interface.</summary>
internal sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "Anything with a global id, fetchable again with node(id:) or nodes(ids:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global, opaque id: Base64 of \"Type:number\". Stable across re-imports.");
    }
}
