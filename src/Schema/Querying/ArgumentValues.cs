using GraphQL;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Querying;

/// <summary>Raw argument values (input objects stay dictionaries) and a stable text form of them for batch keys.</summary>
internal static class ArgumentValues
{
    /// <summary>UserContext key of the request's variables as the client sent them (JSON object order kept).</summary>
    public const string RawVariablesKey = "rlhfgraph.rawVariables";

    public static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    /// <summary>
    /// The argument with every input object's fields in the order the client wrote them, in a literal or in the
    /// variables' JSON. Coercion rebuilds input objects in schema order; a sort object with several keys must be
    /// applied in written order, as HotChocolate does (its sort visitor walks the literal's fields as written).
    /// </summary>
    public static object? Ordered(IResolveFieldContext context, string name) =>
        Ordered(context, context.FieldAst, context.Arguments, name);

    /// <summary>The same for any field of the request's document, from its coerced arguments.</summary>
    public static object? Ordered(IResolveFieldContext context, GraphQLField field, IDictionary<string, GraphQL.Execution.ArgumentValue>? arguments, string name)
    {
        var value = arguments is not null && arguments.TryGetValue(name, out var argument) ? argument.Value : null;
        if (value is null) return null;
        var literal = field.Arguments?.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
        return literal is null ? value : Reorder(value, Written(context, literal));
    }

    /// <summary>The written shape of a value: lists of written shapes, key lists for objects, null where unknown.</summary>
    private static object? Written(IResolveFieldContext context, GraphQLValue literal) => literal switch
    {
        GraphQLListValue list => list.Values?.Select(v => Written(context, v)).ToList() ?? [],
        GraphQLObjectValue obj => obj.Fields?.Select(f => (f.Name.StringValue, Written(context, f.Value))).ToList() ?? [],
        GraphQLVariable variable => WrittenVariable(context, variable.Name.StringValue),
        _ => null,
    };

    private static object? WrittenVariable(IResolveFieldContext context, string name)
    {
        if (context.UserContext.TryGetValue(RawVariablesKey, out var raw) && raw is IReadOnlyDictionary<string, object?> variables
            && variables.TryGetValue(name, out var sent))
            return WrittenJson(sent);
        var definition = context.Operation.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == name);
        return definition?.DefaultValue is { } fallback ? Written(context, fallback) : null;
    }

    private static object? WrittenJson(object? value) => value switch
    {
        IDictionary<string, object?> map => map.Select(p => (p.Key, WrittenJson(p.Value))).ToList(),
        IReadOnlyDictionary<string, object?> map => map.Select(p => (p.Key, WrittenJson(p.Value))).ToList(),
        string => null,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(WrittenJson).ToList(),
        _ => null,
    };

    private static object? Reorder(object? value, object? written)
    {
        switch (value)
        {
            case IDictionary<string, object?> map when written is List<(string Key, object? Shape)> keys:
                var ordered = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                foreach (var (key, shape) in keys)
                {
                    if (map.TryGetValue(key, out var inner) && !ordered.ContainsKey(key)) ordered[key] = Reorder(inner, shape);
                }

                foreach (var (key, inner) in map) ordered.TryAdd(key, inner);
                return ordered;
            case IDictionary<string, object?> single when written is List<object?> { Count: 1 } one:
                return Reorder(single, one[0]);
            case System.Collections.IList items:
                var shapes = written as List<object?>;
                // A single object written where a list is expected is coerced to a one-element list.
                if (shapes is null && written is List<(string, object?)> && items.Count == 1) shapes = [written];
                var result = new List<object?>(items.Count);
                for (var i = 0; i < items.Count; i++) result.Add(Reorder(items[i], shapes is not null && i < shapes.Count ? shapes[i] : null));
                return result;
            default:
                return value;
        }
    }

    /// <summary>Every argument of the field as canonical text: two fields with equal text can share one batch.</summary>
    public static string Describe(IResolveFieldContext context)
    {
        if (context.Arguments is null) return "";
        var builder = new System.Text.StringBuilder();
        foreach (var (name, value) in context.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append('=');
            // Written order, so two sort objects with the same keys in another order never share a batch.
            Append(builder, Ordered(context, name));
            builder.Append(';');
        }

        return builder.ToString();
    }

    private static void Append(System.Text.StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case IDictionary<string, object?> map:
                builder.Append('{');
                foreach (var (k, v) in map)
                {
                    builder.Append(k).Append(':');
                    Append(builder, v);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case string text:
                builder.Append('"').Append(text.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case System.Collections.IEnumerable list:
                builder.Append('[');
                foreach (var item in list)
                {
                    Append(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            default:
                builder.Append(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
