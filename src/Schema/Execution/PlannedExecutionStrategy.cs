using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// graphql-dotnet's serial strategy (a planned query has read its data before its fields resolve, so a task per field,
/// as the parallel strategy makes, only adds work), with the field collection of a selection set done once per
/// request and type instead of once per object: the fifty papers of a page share one selection, which graphql-dotnet
/// would otherwise collect (fragments, @skip/@include, field lookups) fifty times. A scalar field that declares a plain
/// read of its parent (<see cref="PlainReadKey"/>) is completed as its node is made: its value is already in the loaded
/// object, and a resolver call per cell (context, task, completion) cost more than the rest of the response's work.
/// </summary>
internal sealed class PlannedExecutionStrategy : SerialExecutionStrategy
{
    /// <summary>
    /// Field metadata: a <see cref="Func{T, TResult}"/> of object to object that gives the field's value from its
    /// parent, synchronously and without arguments (an entity's column, its global id).
    /// </summary>
    public const string PlainReadKey = "rlhfgraph.plainRead";

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
        if (!userContext.TryGetValue(CacheKey, out var cached) || cached is not Dictionary<(IObjectGraphType, GraphQLSelectionSet), Collected[]> cache)
            userContext[CacheKey] = cache = [];
        if (!cache.TryGetValue((type, selectionSet), out var fields))
        {
            var collected = CollectFieldsFrom(context, type, selectionSet, null);
            fields = [.. collected.Values.Select(f => new Collected(f.field, f.fieldType, f.fieldType.GetMetadata<Func<object, object?>?>(PlainReadKey)))];
            cache[(type, selectionSet)] = fields;
        }

        var source = parent.Result;
        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition, read) = fields[i];
            subFields[i] = read is not null && source is not null && Completed(parent, field, definition, read(source)) is { } completed
                ? completed
                : BuildExecutionNode(parent, definition.ResolvedType!, field, definition, null);
        }

        parent.SubFields = subFields;
    }

    /// <summary>A value node completed when it was made is not resolved again.</summary>
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node) =>
        node is CompletedValueNode ? Task.CompletedTask : base.ExecuteNodeAsync(context, node);

    /// <summary>
    /// The field's node with its serialized value, as graphql-dotnet's completion would set it; null (a normal node
    /// is made) for a null where the type forbids one or a value the scalar cannot serialize, so its error is reported
    /// exactly as before.
    /// </summary>
    private static CompletedValueNode? Completed(ObjectExecutionNode parent, GraphQLField field, FieldType definition, object? value)
    {
        var nonNull = definition.ResolvedType is NonNullGraphType;
        if ((nonNull ? ((NonNullGraphType)definition.ResolvedType!).ResolvedType : definition.ResolvedType) is not ScalarGraphType scalar) return null;
        if (value is null) return nonNull ? null : new CompletedValueNode(parent, scalar, field, definition, null);
        return scalar.Serialize(value) is { } serialized ? new CompletedValueNode(parent, scalar, field, definition, serialized) : null;
    }

    private sealed class CompletedValueNode : ValueExecutionNode
    {
        public CompletedValueNode(ExecutionNode parent, ScalarGraphType type, GraphQLField field, FieldType definition, object? serialized)
            : base(parent, type, field, definition, null) => Result = serialized;
    }

    private readonly record struct Collected(GraphQLField Field, FieldType Definition, Func<object, object?>? Read);
}
