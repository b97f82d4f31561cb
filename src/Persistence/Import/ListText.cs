using System.Text;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// A list file's bytes as text: UTF-8 (with or without a byte-order mark) or UTF-16 (little or big endian, with a
/// byte-order mark or recognised by where its NUL bytes fall, as Windows editors save "Unicode" text). Anything else
/// — NUL bytes that follow no UTF-16 pattern, invalid UTF-8, an unpaired surrogate, an empty file or a line no list
/// has — is refused with the file and line, before anything is written.
/// </summary>
internal static class ListText
{
    /// <summary>Longest line a list may have: the flattened list is one 41 KB line; a megabyte is no list.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Bytes looked at to tell UTF-16 without a byte-order mark from binary content.</summary>
    private const int Sample = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> of <paramref name="file"/> (named in errors).</summary>
    /// <exception cref="ImportException">The bytes are not a text list.</exception>
    public static string Decode(string file, byte[] bytes)
    {
        var (encoding, skip) = EncodingOf(file, bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            var at = skip + Math.Max(0, e.Index);
            var name = encoding is UnicodeEncoding ? "UTF-16" : "UTF-8";
            throw new ImportException($"{file}:{LineAt(encoding, bytes, skip, at)}: invalid {name} at byte {at}.", e);
        }

        // UTF-16 hides NUL bytes inside characters; a NUL character is still binary content.
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0) throw new ImportException($"{file}:{LineOf(text, nul)}: binary content (a NUL character) where a text list was expected.");

        // An empty list would delete every item the source had: far likelier a failed copy than an emptied list.
        if (string.IsNullOrWhiteSpace(text)) throw new ImportException($"{file}:1: the list is empty.");
        var line = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (i - start > MaxLineLength)
                throw new ImportException($"{file}:{line}: the line is {i - start:N0} characters long; a list line has at most {MaxLineLength:N0}.");
            line++;
            start = i + 1;
        }

        return text;
    }

    /// <summary>The encoding and the byte-order mark's length to skip.</summary>
    private static (Encoding Encoding, int Skip) EncodingOf(string file, byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) return (StrictUtf8, 3);
        if (bytes is [0xFF, 0xFE, ..]) return (StrictUtf16Le, 2);
        if (bytes is [0xFE, 0xFF, ..]) return (StrictUtf16Be, 2);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul < 0) return (StrictUtf8, 0);

        // Text in UTF-16 has a NUL in the high byte of every ASCII character (a list's markup, links and most titles),
        // and few in the low byte (only U+0100, U+4E00 and the like); binary content has NULs on both sides or few at all.
        var sample = Math.Min(bytes.Length, Sample) & ~1;
        int even = 0, odd = 0;
        for (var i = 0; i < sample; i++)
        {
            if (bytes[i] != 0) continue;
            if ((i & 1) == 0) even++;
            else odd++;
        }

        var pairs = sample / 2;
        if (bytes.Length % 2 == 0 && pairs > 0)
        {
            if (odd * 3 >= pairs && even * 20 < odd) return (StrictUtf16Le, 0);
            if (even * 3 >= pairs && odd * 20 < even) return (StrictUtf16Be, 0);
        }

        throw new ImportException($"{file}:{1 + bytes.AsSpan(0, nul).Count((byte)'\n')}: binary content (a NUL byte) where a text list was expected.");
    }

    private static int LineAt(Encoding encoding, byte[] bytes, int skip, int index)
    {
        var end = Math.Clamp(index, skip, bytes.Length);
        if (encoding is not UnicodeEncoding) return 1 + bytes.AsSpan(skip, end - skip).Count((byte)'\n');
        // Decoding up to the bad unit cannot fail on it; an odd cut is rounded down to a whole unit.
        var prefix = Encoding.GetEncoding(encoding.CodePage).GetString(bytes, skip, (end - skip) & ~1);
        return LineOf(prefix, prefix.Length);
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');
}
