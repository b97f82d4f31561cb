using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using RlhfGraph.Schema.Limits;
using RlhfGraph.Schema.Querying.Planning;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>node(id:) and nodes(ids:) over every registered node type: one planned statement, a lookup per type asked for.</summary>
internal sealed class NodeQueries(IEnumerable<NodeType> types, IOptions<LimitsOptions> options) : IRootFields
{
    private readonly Dictionary<string, NodeType> _types = types.ToDictionary(t => t.TypeName, StringComparer.Ordinal);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global id; null when no object has it, and null with an error when the id is malformed or names an unknown type.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id from any object's id field.")
            .ResolveAsync(async context => (await ResolveAsync(context, [context.GetArgument<string>("id")]).ConfigureAwait(false))[0]);

        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these global ids, in the same order; null for an id no object has, null with an error for a malformed id or an unknown type. At most {options.Value.MaxNodes} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global ids from objects' id fields.")
            .ResolveAsync(async context => await ResolveAsync(context, context.GetArgument<List<string>>("ids")).ConfigureAwait(false));
    }

    private async Task<object?[]> ResolveAsync(IResolveFieldContext context, IReadOnlyList<string> ids)
    {
        if (ids.Count > options.Value.MaxNodes)
            throw new QueryError(QueryError.TooManyNodes, $"nodes accepts at most {options.Value.MaxNodes} ids; got {ids.Count}.");
        var decoded = ids.Select(NodeId.TryDecode).ToList();
        var results = new object?[ids.Count];

        // One lookup per node type asked for, in order of first appearance, all in one statement.
        var groups = decoded.Where(d => d is not null && _types.ContainsKey(d.Value.TypeName)).GroupBy(d => d!.Value.TypeName).ToList();
        var sets = Lookups.Selection(context);
        var targets = groups.Select(g => Lookups.ByIds(context, _types[g.Key].Rows, sets, [.. g.Select(d => d!.Value.Id).Distinct()], options.Value.MaxNodes)).ToList();
        var found = await Lookups.RunAsync(context, targets, cacheable: true).ConfigureAwait(false);
        for (var g = 0; g < groups.Count; g++)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (decoded[i] is { } d && d.TypeName == groups[g].Key && found[g].TryGetValue(d.Id, out var node)) results[i] = node;
            }
        }

        // As HotChocolate's node resolvers: a well-formed id of a known type that matches no row is simply null
        // (clients treat any error as a failed query); only a malformed id or an unknown type is an error.
        for (var i = 0; i < ids.Count; i++)
        {
            if (results[i] is not null || (decoded[i] is { } known && _types.ContainsKey(known.TypeName))) continue;
            var message = decoded[i] is null
                ? $"'{Shorten(ids[i])}' is not a valid node id."
                : $"'{Shorten(ids[i])}' names an unknown type '{Shorten(decoded[i]!.Value.TypeName)}'.";
            context.Errors.Add(new QueryError(QueryError.InvalidNodeId, message)
            {
                Path = ids.Count == 1 && context.FieldDefinition.Name == "node" ? context.ResponsePath : [.. context.ResponsePath, i],
            });
        }

        return results;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
