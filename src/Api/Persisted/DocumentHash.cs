using System.Security.Cryptography;
using System.Text;

namespace RlhfGraph.Api.Persisted;

/// <summary>
/// Document ids as clients send them. Ours and Apollo's: the lowercase hex SHA-256 of the UTF-8 text. HotChocolate's
/// default document hash is MD5 (src/HotChocolate/Language/src/Language.Web/MD5DocumentHashProvider.cs, HashFormat.Base64:
/// URL-safe Base64 without padding in v14, standard Base64 before; HashFormat.Hex on request), so those are accepted too.
/// </summary>
internal static class DocumentHash
{
    /// <summary>The prefix of an MD5 key, which keeps MD5 and SHA-256 ids apart wherever ids are keys.</summary>
    public const string Md5Prefix = "md5:";

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The MD5 key of a text: "md5:" and 32 lowercase hex digits.</summary>
    public static string Md5Of(string text) => Md5Prefix + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="key"/> (a <see cref="Parse"/> result) is the hash of <paramref name="text"/>.</summary>
    public static bool Matches(string key, string text) => key == (key.StartsWith(Md5Prefix, StringComparison.Ordinal) ? Md5Of(text) : Of(text));

    /// <summary>
    /// The key of an id: bare hex SHA-256 (HotChocolate's "id", Apollo's sha256Hash) or "sha256:hex" (the GraphQL-over-HTTP
    /// draft's documentId, which graphql-dotnet also uses) → 64 hex digits; an MD5 as HotChocolate writes it (22 URL-safe
    /// Base64 characters, 24 with standard Base64 padding, or 32 hex digits, optionally "md5:"-prefixed) → "md5:" + hex;
    /// null when it is none of these.
    /// </summary>
    public static string? Parse(string id)
    {
        var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id["sha256:".Length..] : id;
        if (hex.Length == 64 && hex.All(char.IsAsciiHexDigit)) return hex.ToLowerInvariant();
        var md5 = id.StartsWith(Md5Prefix, StringComparison.Ordinal) ? id[Md5Prefix.Length..] : id;
        if (md5.Length == 32 && md5.All(char.IsAsciiHexDigit)) return Md5Prefix + md5.ToLowerInvariant();
        return Md5FromBase64(md5) is { } bytes ? Md5Prefix + Convert.ToHexStringLower(bytes) : null;
    }

    private static byte[]? Md5FromBase64(string text)
    {
        if (text.Length is not (22 or 24)) return null;
        var standard = text.Replace('-', '+').Replace('_', '/');
        if (standard.Length == 22) standard += "==";
        var bytes = new byte[18];
        return Convert.TryFromBase64String(standard, bytes, out var written) && written == 16 ? bytes[..16] : null;
    }
}
