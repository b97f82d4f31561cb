using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Cli;

/// <summary>
/// `seed` run as the real process a user runs: a refused or failed import ends in one line on stderr (what failed, that the
/// database is unchanged), a non-zero exit code and no stack trace; the database file is byte for byte what it was.
/// </summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-cli", Guid.NewGuid().ToString("N"));

    public SeedCommandTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "graph.db");

    private static async Task<(int Exit, string Out, string[] Errors)> SeedAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "RlhfGraph.Api.dll"), "seed", .. args]) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__RlhfGraph"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The one line that is not progress ("[   0.3s] parsing …"), which must also be the last.</summary>
    private static string FailureLine(int exit, string output, string[] errors)
    {
        Assert.Equal(1, exit);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var line = Assert.Single(errors, e => !e.StartsWith('['));
        Assert.Equal(line, errors[^1]);
        Assert.StartsWith("seed failed, database unchanged: ", line, StringComparison.Ordinal);
        return line;
    }

    private string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(DatabasePath)));

    [Fact]
    public async Task AListReplacedByANotFoundPageIsRefusedInOneLineAndAllowShrinkImportsIt()
    {
        var (exit, output, _) = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        using var seed = new SeedCopy();
        File.WriteAllText(seed.PathOf("awesome-llm-training.md"), "404: Not Found\n");
        var before = Hash();

        var refused = await SeedAsync($"Data Source={DatabasePath}", "--source", seed.Directory);

        Assert.Contains("awesome-llm-training.md: refused: the list yields no items", FailureLine(refused.Exit, refused.Out, refused.Errors), StringComparison.Ordinal);
        Assert.Equal(before, Hash());
        var allowed = await SeedAsync($"Data Source={DatabasePath}", "--source", seed.Directory, "--allow-shrink");
        Assert.True(allowed.Exit == 0, string.Join('\n', allowed.Errors));
        Assert.Contains("awesome-llm-training", allowed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListLeftOutOfSourcesJsonIsRefusedInOneLineAndAllowShrinkRemovesItsSource()
    {
        var (exit, output, _) = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        using var seed = new SeedCopy();
        seed.Unlist("awesome-llm-training");
        var before = Hash();

        var refused = await SeedAsync($"Data Source={DatabasePath}", "--source", seed.Directory);

        var line = FailureLine(refused.Exit, refused.Out, refused.Errors);
        Assert.Matches(@"sources\.json: refused: source 'awesome-llm-training' \(awesome-llm-training\.md\) is no longer listed, so importing would remove the \d+ items it held", line);
        Assert.Contains("--allow-shrink", line, StringComparison.Ordinal);
        Assert.Equal(before, Hash());
        Assert.Contains("awesome-llm-training", Sources());

        var allowed = await SeedAsync($"Data Source={DatabasePath}", "--source", seed.Directory, "--allow-shrink");

        Assert.True(allowed.Exit == 0, string.Join('\n', allowed.Errors));
        Assert.Equal(["awesome-offline-rl-louieworth", "awesome-rlhf-louieworth-2024", "awesome-rlhf-opendilab-2023", "awesome-rlhf-opendilab-2025"], Sources());
    }

    private List<string> Sources()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Name\" FROM \"Sources\" ORDER BY \"Name\"";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    [Fact]
    public async Task ASeedIntoADatabaseOpenedReadOnlyFailsInOneLineWithNoStackTrace()
    {
        var (exit, output, _) = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        using var seed = new SeedCopy();
        seed.Replace("awesome-rlhf-louieworth-2024.md", "Direct Preference Optimization: Your Language Model", "Direct Preference Optimisation: Your Language Model");
        var before = Hash();

        var failed = await SeedAsync($"Data Source={DatabasePath};Mode=ReadOnly", "--source", seed.Directory);

        Assert.Contains("readonly database", FailureLine(failed.Exit, failed.Out, failed.Errors), StringComparison.Ordinal);
        Assert.Equal(before, Hash());
    }

    [Fact]
    public async Task ADatabaseFileThatCannotBeOpenedFailsInOneLineWithNoStackTrace()
    {
        // A directory where the database file should be: what a vanished or replaced file looks like to SQLite.
        Directory.CreateDirectory(DatabasePath);

        var failed = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);

        Assert.Contains("the database failed: ", FailureLine(failed.Exit, failed.Out, failed.Errors), StringComparison.Ordinal);
    }

    /// <summary>
    /// Ctrl+C (SIGINT) or a service manager's SIGTERM while the import runs: it stops, says so, exits 130 and leaves the
    /// database as it was. The import is held at a known step without any timing: one list is a named pipe, which the
    /// importer's read waits on until the test writes the list into it, after the signal has been taken.
    /// </summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task ASignalDuringTheImportCancelsItInOneLineAndLeavesTheDatabaseAsItWas(string signal)
    {
        Assert.SkipUnless(File.Exists("/usr/bin/mkfifo") && File.Exists("/usr/bin/kill"), "Needs POSIX signals and named pipes (/usr/bin/kill, /usr/bin/mkfifo).");
        var ct = TestContext.Current.CancellationToken;
        var (exit, output, _) = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        using var seed = new SeedCopy();
        const string list = "awesome-rlhf-louieworth-2024.md";
        // Changed, so an import that ran on would change the database.
        seed.Replace(list, "Direct Preference Optimization: Your Language Model", "Direct Preference Optimisation: Your Language Model");
        var text = File.ReadAllText(seed.PathOf(list));
        File.Delete(seed.PathOf(list));
        await RunAsync("/usr/bin/mkfifo", seed.PathOf(list));
        var before = Hash();

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "RlhfGraph.Api.dll"), "seed", "--source", seed.Directory]) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__RlhfGraph"] = $"Data Source={DatabasePath}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        try
        {
            var printed = process.StandardOutput.ReadToEndAsync(ct);
            var errors = Lines(process.StandardError, ct);
            await WaitForAsync(errors, $"parsing {list}", ct);
            await RunAsync("/usr/bin/kill", "-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await WaitForAsync(errors, "cancelling: the seed stops at its next step and leaves the database as it was.", ct);
            // The importer's read of the pipe returns once this writer closes it; only then can the import go on, or stop.
            await Task.Run(() => File.WriteAllText(seed.PathOf(list), text), ct).WaitAsync(TimeSpan.FromMinutes(1), ct);
            await process.WaitForExitAsync(ct);

            var rest = new List<string>();
            await foreach (var line in errors.ReadAllAsync(ct)) rest.Add(line);
            Assert.Equal(130, process.ExitCode);
            Assert.Equal("seed cancelled, database unchanged.", Assert.Single(rest, l => !l.StartsWith('[')));
            Assert.Equal("seed cancelled, database unchanged.", rest[^1]);
            Assert.DoesNotContain("   at ", await printed, StringComparison.Ordinal);
            Assert.Equal(before, Hash());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }

    [Fact]
    public async Task ASeedMakesANewFileWith16KbPagesAndLeavesTheSizeOfAFileThatHasPagesAlone()
    {
        var (exit, output, _) = await SeedAsync($"Data Source={DatabasePath}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        Assert.Equal(((long)Persistence.Providers.SqlitePages.NewFileSize, "wal"), PagesAndJournal(DatabasePath));

        // A file made before (4 KB pages, SQLite's default) keeps them, and what it held: only a VACUUM could change them.
        var older = Path.Combine(_directory, "older.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE Kept (Note TEXT); INSERT INTO Kept VALUES ('made before');";
            command.ExecuteNonQuery();
        }

        (exit, output, _) = await SeedAsync($"Data Source={older}", "--source", TestDatabase.SeedDirectory);
        Assert.True(exit == 0, output);
        Assert.Equal((4096L, "wal"), PagesAndJournal(older));
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var read = check.CreateCommand();
        read.CommandText = "SELECT (SELECT Note FROM Kept) || ' ' || (SELECT COUNT(*) FROM Papers)";
        Assert.Equal("made before 194", read.ExecuteScalar());
    }

    private static (long PageSize, string Journal) PagesAndJournal(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var size = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA journal_mode";
        return (size, (string)command.ExecuteScalar()!);
    }

    /// <summary>Standard error's lines as they come.</summary>
    private static ChannelReader<string> Lines(StreamReader reader, CancellationToken ct)
    {
        var lines = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(ct) is { } line) await lines.Writer.WriteAsync(line.Trim(), ct);
            lines.Writer.Complete();
        }, ct);
        return lines.Reader;
    }

    /// <summary>Reads lines up to the one that ends with <paramref name="text"/>; fails when the stream ends first.</summary>
    private static async Task WaitForAsync(ChannelReader<string> lines, string text, CancellationToken ct)
    {
        var seen = new List<string>();
        await foreach (var line in lines.ReadAllAsync(ct))
        {
            seen.Add(line);
            if (line.EndsWith(text, StringComparison.Ordinal)) return;
        }

        Assert.Fail($"stderr ended without \"{text}\":\n{string.Join('\n', seen)}");
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(tool, args);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
