using System.Text;
using System.Text.Json;

namespace RlhfGraph.Schema.Querying.Paging;

/// <summary>
/// A keyset cursor: the sort signature and the row's sort-key values, id last, as Base64 JSON.
/// Opaque to clients; decoding checks it belongs to the same order, so a cursor from another
/// order or a garbled one is a clear error rather than a silently wrong page.
/// </summary>
internal static class Cursor
{
    private const int MaxLength = 4096;

    public static string Encode(string signature, IReadOnlyList<object?> values)
    {
        var payload = new object?[values.Count + 1];
        payload[0] = signature;
        for (var i = 0; i < values.Count; i++) payload[i + 1] = values[i] is Enum e ? e.ToString() : values[i];
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    /// <summary>
    /// The key values of a cursor, typed as the order's keys. Every way a forged cursor can be wrong is a clear
    /// INVALID_CURSOR: not Base64, not JSON, invalid UTF-8 inside, another list or order, a null where the key
    /// cannot be null (<paramref name="nullable"/>; value types say it themselves), an enum name that does not exist.
    /// </summary>
    public static object?[] Decode(string cursor, string argument, string signature, IReadOnlyList<Type> types, IReadOnlyList<bool>? nullable = null)
    {
        JsonElement[] payload;
        string? issuedFor;
        try
        {
            if (cursor.Length > MaxLength) throw new FormatException();
            payload = JsonSerializer.Deserialize<JsonElement[]>(Convert.FromBase64String(cursor)) ?? throw new FormatException();
            issuedFor = payload.Length > 0 && payload[0].ValueKind == JsonValueKind.String ? payload[0].GetString() : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            throw new QueryError(QueryError.InvalidCursor, $"'{argument}' is not a cursor this API issued.");
        }

        if (payload.Length != types.Count + 1 || issuedFor is null)
            throw new QueryError(QueryError.InvalidCursor, $"'{argument}' is not a cursor of this list.");
        if (issuedFor != signature)
            throw new QueryError(QueryError.InvalidCursor,
                $"'{argument}' was issued for another sort order or another list ({Shorten(issuedFor)}); this list is {signature}. Start again without a cursor.");

        var values = new object?[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                values[i] = Read(payload[i + 1], types[i], nullable?[i] ?? true);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
            {
                throw new QueryError(QueryError.InvalidCursor, $"'{argument}' is not a cursor of this list.");
            }
        }

        return values;
    }

    private static object? Read(JsonElement element, Type type, bool nullable)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return nullable && (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null) ? null : throw new FormatException();
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return element.GetString();
        if (target == typeof(int)) return element.GetInt32();
        if (target == typeof(bool)) return element.GetBoolean();
        // Only a declared name: Enum.Parse would also take "999" or "A,B" and build a value no row has.
        if (target.IsEnum && element.GetString() is { } name && Enum.GetNames(target).Contains(name, StringComparer.Ordinal))
            return Enum.Parse(target, name);
        throw new FormatException();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>Base64 text for the log or an error, never more than the first bytes.</summary>
    public static string Describe(string cursor) => cursor.Length <= 16 ? cursor : cursor[..16] + "…";

    internal static string ToText(string cursor) => Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
}
