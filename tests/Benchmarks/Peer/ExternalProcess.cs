using System.Diagnostics;
using System.Text;

namespace RlhfGraph.Benchmarks.Peer;

/// <summary>Runs the peer's tools (initdb, pg_ctl, psql, npm, apt-get) and fails with their own output when they fail.</summary>
internal static class ExternalProcess
{
    /// <summary>Set when PostgreSQL must run as another account (it refuses root); its tools are run through runuser.</summary>
    public static string? PostgresUser { get; set; }

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, Func<Stream, Task>? stdin = null, bool asPostgresUser = false, string? workingDirectory = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancel = default)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser && PostgresUser is not null ? "runuser" : fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (asPostgresUser && PostgresUser is not null)
        {
            foreach (var argument in (string[])["-u", PostgresUser, "--", fileName]) start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGTZ"] = "UTC";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                await stdin(process.StandardInput.BaseStream);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The tool stopped reading (it failed); its exit code and output below say why.
            }
        }

        using var timer = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancel);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Timed out or stopped (Ctrl+C): either way the tool stops too rather than running on unwatched.
            process.Kill(entireProcessTree: true);
            cancel.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"{Describe(start)} did not finish within {(timeout ?? TimeSpan.FromMinutes(10)).TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Describe(start)} exited with {process.ExitCode}:\n{Tail(await error + await output)}");
        return await output;
    }

    /// <summary>The first executable of this name on PATH, or null.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static string Tail(string text, int lines = 25) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string Describe(ProcessStartInfo start)
    {
        var line = new StringBuilder(start.FileName);
        foreach (var argument in start.ArgumentList.Take(8)) line.Append(' ').Append(argument.Length > 60 ? argument[..60] + "…" : argument);
        return line.ToString();
    }
}
