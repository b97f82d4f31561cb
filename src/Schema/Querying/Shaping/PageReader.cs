using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Querying.Shaping;

/// <summary>
/// Shapes a planned statement's JSON into pages of entities (only the selected properties set) and files the nested
/// pages under their parents, so the response is built by the usual resolvers without another statement.
/// </summary>
internal static class PageReader
{
    private static readonly ConcurrentDictionary<Type, Func<object>> Constructors = new();
    private static readonly ConcurrentDictionary<IProperty, Action<object, JsonElement>> Setters = new();

    public static Page Read(JsonElement level, CompiledLevel compiled, PrefetchedPages prefetched)
    {
        var plan = compiled.Plan;
        var rows = level.GetProperty("r");
        var edges = new List<Edge>(rows.GetArrayLength());
        var keys = compiled.SortKeys.Count > 0 ? new object?[compiled.SortKeys.Count] : null;
        foreach (var row in rows.EnumerateArray())
        {
            var node = Create(compiled.Node.ClrType);
            foreach (var (key, property) in compiled.NodeColumns) Set(node, property, row.GetProperty(key));
            var item = node;
            if (compiled.ItemColumns.Count > 0)
            {
                item = Create(compiled.Item.ClrType);
                foreach (var (key, property) in compiled.ItemColumns) Set(item, property, row.GetProperty(key));
            }

            var cursor = "";
            if (keys is not null)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var (key, type, converter) = compiled.SortKeys[i];
                    keys[i] = Value(row.GetProperty(key), type, converter);
                }

                cursor = Cursor.Encode(plan.Query.Signature, keys);
            }

            foreach (var (key, responseKey, child) in compiled.Children)
                prefetched.Add(node, responseKey, Read(row.GetProperty(key), child, prefetched));
            edges.Add(new Edge(cursor, node, item));
        }

        var total = plan.Request.WantsTotalCount ? level.GetProperty("t").GetInt32() : (int?)null;
        var outside = level.TryGetProperty("o", out var o) && (o.ValueKind == JsonValueKind.True || (o.ValueKind == JsonValueKind.Number && o.GetInt32() != 0));
        return PageShape.Of(plan.Request, edges, total, outside);
    }

    private static object Create(Type type) =>
        Constructors.GetOrAdd(type, t => Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(t), typeof(object))).Compile())();

    private static void Set(object target, IProperty property, JsonElement value) => Setters.GetOrAdd(property, Setter)(target, value);

    /// <summary>
    /// Reads the JSON value straight into the property, typed: no boxing for the ints, strings and booleans that
    /// are nearly every column (thousands per response); converted columns (enums stored as names) go through the
    /// column's converter.
    /// </summary>
    private static Action<object, JsonElement> Setter(IProperty property)
    {
        var info = property.PropertyInfo ?? throw new NotSupportedException($"{property.Name} has no CLR property.");
        var target = Expression.Parameter(typeof(object), "target");
        var element = Expression.Parameter(typeof(JsonElement), "element");
        var converter = property.GetTypeMapping().Converter;
        var reader = converter is null ? typeof(PageReader).GetMethod(ReaderName(info.PropertyType), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static) : null;
        Expression value = reader is not null
            ? Expression.Call(reader, element)
            : Expression.Convert(
                Expression.Call(typeof(PageReader).GetMethod(nameof(Value), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
                    element, Expression.Constant(info.PropertyType, typeof(Type)), Expression.Constant(converter, typeof(ValueConverter))),
                info.PropertyType);
        var assign = Expression.Assign(Expression.Property(Expression.Convert(target, info.DeclaringType!), info), value);
        return Expression.Lambda<Action<object, JsonElement>>(assign, target, element).Compile();
    }

    private static string ReaderName(Type type) =>
        type == typeof(int) ? nameof(ReadInt)
        : type == typeof(int?) ? nameof(ReadNullableInt)
        : type == typeof(string) ? nameof(ReadString)
        : type == typeof(bool) ? nameof(ReadBool)
        : "";

    private static int ReadInt(JsonElement element) => element.GetInt32();

    private static int? ReadNullableInt(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();

    private static string? ReadString(JsonElement element) => element.GetString();

    private static bool ReadBool(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetInt32() != 0 : element.GetBoolean();

    /// <summary>A JSON value as the CLR type (through the column's converter: enums are stored as their names).</summary>
    private static object? Value(JsonElement element, Type type, ValueConverter? converter)
    {
        if (element.ValueKind == JsonValueKind.Null) return null;
        if (converter is not null) return converter.ConvertFromProvider(Value(element, converter.ProviderClrType, null));
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return element.GetString();
        if (target == typeof(int)) return element.GetInt32();
        if (target == typeof(long)) return element.GetInt64();
        if (target == typeof(bool)) return element.ValueKind == JsonValueKind.Number ? element.GetInt32() != 0 : element.GetBoolean();
        if (target == typeof(double)) return element.GetDouble();
        if (target.IsEnum) return Enum.ToObject(target, element.GetInt32());
        throw new NotSupportedException($"{type.Name} values are not read from JSON.");
    }
}
