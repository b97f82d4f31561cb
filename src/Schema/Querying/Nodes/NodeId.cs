using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>Global ids in HotChocolate 14's format: Base64 of "TypeName:dbId".</summary>
internal static class NodeId
{
    public static string Encode(string typeName, int id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{typeName}:{id.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The type name and database id of a global id, or null when it is not one this API issued.</summary>
    public static (string TypeName, int Id)? TryDecode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 256 || !Base64.IsValid(value)) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        return int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (text[..colon], id)
            : null;
    }
}
