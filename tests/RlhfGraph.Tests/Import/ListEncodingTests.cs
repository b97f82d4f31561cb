using System.Text;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A list saved as UTF-16 (Windows editors' "Unicode", little or big endian, with or without a byte-order mark) or as
/// UTF-8 with a byte-order mark imports exactly as the UTF-8 original: the fixtures are a real seed's text re-encoded
/// here, and every table but Sources (whose content hash is of the bytes) must match. Binary content is still refused.
/// </summary>
public sealed class ListEncodingTests
{
    // Has non-ASCII text (en dashes, accented names), so a wrong decoding would show in titles and names.
    private const string List = "awesome-rlhf-opendilab-2023.md";

    public static TheoryData<string> Encodings => ["UTF-16LE with BOM", "UTF-16LE", "UTF-16BE with BOM", "UTF-16BE", "UTF-8 with BOM"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "UTF-16LE with BOM" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        "UTF-16LE" => Encoding.Unicode.GetBytes(text),
        "UTF-16BE with BOM" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "UTF-16BE" => Encoding.BigEndianUnicode.GetBytes(text),
        "UTF-8 with BOM" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task AListInAnotherUnicodeEncodingImportsExactlyAsItsUtf8Original(string encoding)
    {
        await using var original = await TestDatabase.CreateAsync();
        await original.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        using var seed = new SeedCopy();
        var text = File.ReadAllText(seed.PathOf(List), new UTF8Encoding(false, true));
        Assert.Contains(text, c => c > 0x7F);
        File.WriteAllBytes(seed.PathOf(List), Encode(text, encoding));
        await using var reencoded = await TestDatabase.CreateAsync();

        var report = await reencoded.CreateImporter().ImportAsync(seed.Directory);

        Assert.DoesNotContain(report.SkippedItems, s => s.StartsWith(List, StringComparison.Ordinal));
        var expected = (await original.SnapshotAsync()).Where(t => t.Key != "Sources");
        Assert.Equal(expected, (await reencoded.SnapshotAsync()).Where(t => t.Key != "Sources"));
    }

    public static TheoryData<string, string> Binaries => new()
    {
        // A PNG's signature and header: NULs on both byte parities, as in any binary file.
        { "PNG", $"{List}:3: binary content (a NUL byte)" },
        // UTF-16 by its NUL pattern (one NUL low byte among many NUL high bytes), a NUL character all the same.
        { "UTF-16LE with a NUL character", $"{List}:3: binary content (a NUL character)" },
        // UTF-16 by its byte-order mark, cut in the middle of a surrogate pair.
        { "UTF-16LE with an unpaired surrogate", $"{List}:2: invalid UTF-16" },
    };

    [Theory]
    [MemberData(nameof(Binaries))]
    public async Task BinaryContentIsStillRefusedWithItsLine(string content, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        using var seed = new SeedCopy();
        byte[] bytes = content switch
        {
            "PNG" => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0],
            "UTF-16LE with a NUL character" => Encoding.Unicode.GetBytes("# A list\n\n- [A paper](https://arxiv.org/abs/2203.02155)\0\n"),
            "UTF-16LE with an unpaired surrogate" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("# A list\n- [A paper "), 0x3D, 0xD8, .. Encoding.Unicode.GetBytes("](https://arxiv.org/abs/2203.02155)\n")],
            _ => throw new ArgumentOutOfRangeException(nameof(content), content, null),
        };
        File.WriteAllBytes(seed.PathOf(List), bytes);

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(seed.Directory));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
