using GraphQL;
using GraphQL.Types;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>What every entity type shares: its name, the Node interface, its global id and its declared scalar fields.</summary>
internal static class NodeTypeExtensions
{
    public static void ImplementNode<T>(this ObjectGraphType<T> type, EntityModel<T> model, string description)
        where T : class
    {
        type.Name = model.GraphName;
        type.Description = description;
        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is T;
        var id = model.Id.Compile();
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"Global id of this {model.GraphName} (Base64 of \"{model.GraphName}:number\"); pass it to node(id:).")
            .Resolve(context => NodeId.Encode(model.GraphName, id(context.Source)))
            .WithMetadata(Planning.PlanMetadata.IdOnlyKey, true)
            .WithMetadata(Execution.PlannedExecutionStrategy.PlainReadKey, (Func<object, object?>)(source => NodeId.Encode(model.GraphName, id((T)source))));
        model.AddFieldsTo(type);
    }

    /// <summary>The type's rows for node/nodes, looked up by database id through the planner.</summary>
    public static NodeType NodeType<T>(this EntityModel<T> model)
        where T : class =>
        new(model.GraphName, new Paging.Connection<T, T>(model, x => x, model.Id));
}
