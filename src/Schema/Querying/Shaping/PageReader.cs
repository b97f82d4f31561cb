using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
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
        var readers = Readers.GetValue(compiled, Prepare);
        var rows = level.GetProperty("r"u8);
        var edges = new List<Edge>(rows.GetArrayLength());
        var keys = compiled.SortKeys.Count > 0 ? new object?[compiled.SortKeys.Count] : null;
        foreach (var row in rows.EnumerateArray())
        {
            var node = readers.NewNode();
            foreach (var (key, set) in readers.Node) set(node, row.GetProperty(key));
            var item = node;
            if (readers.NewItem is { } newItem)
            {
                item = newItem();
                foreach (var (key, set) in readers.Item) set(item, row.GetProperty(key));
            }

            var cursor = "";
            if (keys is not null)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var (_, type, converter) = compiled.SortKeys[i];
                    keys[i] = Value(row.GetProperty(readers.SortKeys[i]), type, converter);
                }

                cursor = Cursor.Encode(plan.Query.Signature, keys);
            }

            for (var i = 0; i < readers.Children.Length; i++)
            {
                var (_, responseKey, child) = compiled.Children[i];
                prefetched.Add(node, responseKey, Read(row.GetProperty(readers.Children[i]), child, prefetched));
            }

            edges.Add(new Edge(cursor, node, item));
        }

        var total = plan.Request.WantsTotalCount ? level.GetProperty("t"u8).GetInt32() : (int?)null;
        var outside = level.TryGetProperty("o"u8, out var o) && (o.ValueKind == JsonValueKind.True || (o.ValueKind == JsonValueKind.Number && o.GetInt32() != 0));
        return PageShape.Of(plan.Request, edges, total, outside);
    }

    /// <summary>
    /// A level's keys as UTF-8 (looked up without transcoding) with their typed setters, made once per compiled level:
    /// a response reads thousands of cells, and finding a setter per cell cost more than setting it.
    /// </summary>
    private sealed record LevelReaders(
        Func<object> NewNode,
        (byte[] Key, Action<object, JsonElement> Set)[] Node,
        Func<object>? NewItem,
        (byte[] Key, Action<object, JsonElement> Set)[] Item,
        byte[][] SortKeys,
        byte[][] Children);

    private static readonly ConditionalWeakTable<CompiledLevel, LevelReaders> Readers = new();

    private static LevelReaders Prepare(CompiledLevel compiled) => new(
        Constructor(compiled.Node.ClrType),
        [.. compiled.NodeColumns.Select(c => (Encoding.UTF8.GetBytes(c.Key), Setters.GetOrAdd(c.Property, Setter)))],
        compiled.ItemColumns.Count > 0 ? Constructor(compiled.Item.ClrType) : null,
        [.. compiled.ItemColumns.Select(c => (Encoding.UTF8.GetBytes(c.Key), Setters.GetOrAdd(c.Property, Setter)))],
        [.. compiled.SortKeys.Select(k => Encoding.UTF8.GetBytes(k.Key))],
        [.. compiled.Children.Select(c => Encoding.UTF8.GetBytes(c.Key))]);

    private static Func<object> Constructor(Type type) =>
        Constructors.GetOrAdd(type, t => Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(t), typeof(object))).Compile());

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
