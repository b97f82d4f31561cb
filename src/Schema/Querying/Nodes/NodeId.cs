using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RlhfGraph.Schema.Querying.Nodes;

/// <summary>
/// Global ids in HotChocolate 14's format: Base64 of "TypeName:dbId". HotChocolate's older format, Base64 of
/// "TypeName\n" + a value-kind letter + the value ("Paper\ni42"), is still accepted as input, as HotChocolate 14/15
/// accept it (DefaultNodeIdSerializer reads both), so ids a client stored from an older server keep working.
/// </summary>
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
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        ReadOnlySpan<char> number;
        int end;
        if (colon > 0 && (newline < 0 || colon < newline))
        {
            end = colon;
            number = text.AsSpan(colon + 1);
        }
        else if (newline > 0 && text.Length > newline + 2 && text[newline + 1] is 'i' or 's' or 'l' or 'd')
        {
            // Legacy kinds: i(nt), s(hort), l(ong), d(efault: the value as text); all name a number here.
            end = newline;
            number = text.AsSpan(newline + 2);
        }
        else
        {
            return null;
        }

        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (text[..end], id)
            : null;
    }
}
