using System.Security.Cryptography;
using System.Text;

namespace RlhfGraph.Api.Persisted;

/// <summary>Document ids as clients send them: the lowercase hex SHA-256 of the UTF-8 text (Apollo's and HotChocolate's sha256 format).</summary>
internal static class DocumentHash
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The hash in an id: bare hex (HotChocolate's "id", Apollo's sha256Hash) or "sha256:hex" (the GraphQL-over-HTTP
    /// draft's documentId, which graphql-dotnet also uses); null when it is neither.
    /// </summary>
    public static string? Parse(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex.ToLowerInvariant() : null;
    }
}
