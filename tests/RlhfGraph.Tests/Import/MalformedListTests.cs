using System.Text;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// A broken list file fails the import with its file and line, and the database (checksum of every table) is
/// exactly what it was; an item that breaks every rule is skipped with its file and line, changing nothing.
/// </summary>
public abstract class MalformedListTests(DatabaseEngine engine) : DatabaseTests(engine)
{
    private const string List = "awesome-rlhf-louieworth-2024.md";

    public static TheoryData<string, string> Breakages => new()
    {
        // Cut after the first byte of a multi-byte character: a download that stopped half-way through one.
        { "truncated", $"{List}:" },
        { "binary", $"{List}:1: binary content" },
        { "invalid UTF-8", $"{List}:5: invalid UTF-8" },
        { "one 10 MB line", $"{List}:5: the line is 10,485,760 characters long" },
        { "empty", $"{List}:1: the list is empty" },
        { "whitespace only", $"{List}:1: the list is empty" },
    };

    private static void Break(string path, string breakage)
    {
        var bytes = File.ReadAllBytes(path);
        var lines = File.ReadAllLines(path);
        switch (breakage)
        {
            case "truncated":
                var lead = Array.FindIndex(bytes, b => b >= 0xC0);
                Assert.True(lead > 0, "the list has a multi-byte character to cut through");
                File.WriteAllBytes(path, bytes[..(lead + 1)]);
                break;
            case "binary":
                File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
                break;
            case "invalid UTF-8":
                File.WriteAllLines(path, lines.Take(4));
                File.AppendAllText(path, "- ");
                File.AppendAllText(path, "x\n");
                var broken = File.ReadAllBytes(path).ToList();
                broken.Insert(broken.Count - 2, 0xC3);
                File.WriteAllBytes(path, [.. broken, .. Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(4)))]);
                break;
            case "one 10 MB line":
                File.WriteAllText(path, string.Join('\n', lines.Take(4)) + "\n" + new string('a', 10 * 1024 * 1024) + "\n" + string.Join('\n', lines.Skip(4)));
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "whitespace only":
                File.WriteAllText(path, "\n  \n\t\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task ABrokenListFailsWithItsFileAndLineAndChangesNothing(string breakage, string message)
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        Break(seed.PathOf(List), breakage);

        var error = await Assert.ThrowsAsync<ImportException>(() => database.CreateImporter().ImportAsync(seed.Directory));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(List)}:\d+: ", error.Message);
        Assert.Equal(before, await database.SnapshotAsync());
    }

    [Fact]
    public async Task AnItemThatBreaksEveryRuleIsSkippedWithItsFileAndLineAndChangesNothing()
    {
        await using var database = await engine.CreateDatabaseAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
        var before = await database.SnapshotAsync();
        using var seed = new SeedCopy();
        var lines = File.ReadAllLines(seed.PathOf(List)).ToList();
        // In place of the blank line that ends the Review/Survey papers, so no other item's line moves.
        var at = lines.IndexOf("### RLHF for LLMs: Theory / Methods") - 1;
        Assert.Equal(string.Empty, lines[at]);
        // No title, a link that is no URL, an empty byline, a venue with no year, markup left open.
        lines[at] = "- [](javascript:alert(1)) **[ ] by , , ; [Code]( ) `";
        File.WriteAllLines(seed.PathOf(List), lines);

        var report = await database.CreateImporter().ImportAsync(seed.Directory);

        Assert.Contains(report.SkippedItems, s => s.StartsWith($"{List}:{at + 1}: ", StringComparison.Ordinal));
        // Only the list's content hash (in Sources) records that the file changed, and the data version that a row did.
        string[] changed = ["Sources", "DataVersions"];
        Assert.Equal(before.Where(t => !changed.Contains(t.Key)), (await database.SnapshotAsync()).Where(t => !changed.Contains(t.Key)));
    }
}

public sealed class SqliteMalformedListTests(SqliteEngine engine) : MalformedListTests(engine);

public sealed class SqlServerMalformedListTests(SqlServerEngine engine) : MalformedListTests(engine);
