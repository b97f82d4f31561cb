using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// graphql-dotnet's serial strategy (a planned query has read its data before its fields resolve, so a task per field,
/// as the parallel strategy makes, only adds work), with the field collection of a selection set done once per
/// request and type instead of once per object: the fifty papers of a page share one selection, which graphql-dotnet
/// would otherwise collect (fragments, @skip/@include, field lookups) fifty times.
/// </summary>
internal sealed class PlannedExecutionStrategy : SerialExecutionStrategy
{
    private const string CacheKey = "rlhfgraph.collectedFields";

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        if (parent.SelectionSet is not { } selectionSet || context.UserContext is not { } userContext || parent.GetObjectGraphType(context.Schema) is not { } type)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        // Per request: @skip/@include depend on its variables. Keyed by the selection set's identity, so merged fields
        // (a new set each time graphql-dotnet merges them) are only collected as often as before, never confused.
        if (!userContext.TryGetValue(CacheKey, out var cached) || cached is not Dictionary<(IObjectGraphType, GraphQLSelectionSet), (GraphQLField Field, FieldType Definition)[]> cache)
            userContext[CacheKey] = cache = [];
        if (!cache.TryGetValue((type, selectionSet), out var fields))
        {
            var collected = CollectFieldsFrom(context, type, selectionSet, null);
            fields = [.. collected.Values];
            cache[(type, selectionSet)] = fields;
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
            subFields[i] = BuildExecutionNode(parent, fields[i].Definition.ResolvedType!, fields[i].Field, fields[i].Definition, null);
        parent.SubFields = subFields;
    }
}
