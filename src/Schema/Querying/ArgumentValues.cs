using GraphQL;

namespace RlhfGraph.Schema.Querying;

/// <summary>Raw argument values (input objects stay dictionaries) and a stable text form of them for batch keys.</summary>
internal static class ArgumentValues
{
    public static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    /// <summary>Every argument of the field as canonical text: two fields with equal text can share one batch.</summary>
    public static string Describe(IResolveFieldContext context)
    {
        if (context.Arguments is null) return "";
        var builder = new System.Text.StringBuilder();
        foreach (var (name, value) in context.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            builder.Append(name).Append('=');
            Append(builder, value.Value);
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
