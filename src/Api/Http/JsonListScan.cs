using System.Text.Json;

namespace RlhfGraph.Api.Http;

/// <summary>
/// The longest array in a JSON text, found by a forward-only scan that builds nothing. A request's variables are read
/// into objects and then coerced to the schema's input types, which for 60,000 sort objects took about half a second
/// of CPU before the list-length rule refused them; no list argument accepts more than the largest list limit, so a
/// longer array is refused here, at the cost of reading the bytes once.
/// </summary>
internal static class JsonListScan
{
    /// <summary>Items in the longest array, counting stops at <paramref name="stopAt"/>; 0 for text that is not JSON (its parser reports that).</summary>
    public static int Longest(ReadOnlySpan<byte> json, int stopAt)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        Span<int> items = stackalloc int[66];  // per open container: items so far of an array, -1 for an object
        var depth = 0;
        var longest = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    depth--;
                    continue;
                }

                if (reader.TokenType == JsonTokenType.PropertyName) continue;
                if (depth > 0 && items[depth] >= 0 && ++items[depth] > longest && (longest = items[depth]) >= stopAt) return longest;
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    if (++depth >= items.Length) return longest;  // deeper than System.Text.Json reads anyway
                    items[depth] = reader.TokenType == JsonTokenType.StartArray ? 0 : -1;
                }
            }
        }
        catch (JsonException)
        {
            // not JSON: the request's own parser says so
        }

        return longest;
    }
}
