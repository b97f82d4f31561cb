using System.Linq.Expressions;
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
            .WithMetadata(Planning.PlanMetadata.IdOnlyKey, true);
        model.AddFieldsTo(type);
    }

    /// <summary>Fetches entities of one type by database id in one query, for node/nodes.</summary>
    public static NodeType NodeType<T>(this EntityModel<T> model, Func<Persistence.RlhfGraphDbContext, IQueryable<T>> set)
        where T : class =>
        new(model.GraphName, async (db, ids, ct) =>
        {
            var parameter = model.Id.Parameters[0];
            var list = ids.ToList();
            var contains = Expression.Lambda<Func<T, bool>>(
                Expression.Call(typeof(Enumerable).GetMethods().Single(m => m.Name == "Contains" && m.GetParameters().Length == 2).MakeGenericMethod(typeof(int)),
                    QueryParameter.Of(list, typeof(List<int>)), model.Id.Body),
                parameter);
            var id = model.Id.Compile();
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(set(db).Where(contains), ct).ConfigureAwait(false);
            return rows.ToDictionary(id, r => (object)r);
        });
}
