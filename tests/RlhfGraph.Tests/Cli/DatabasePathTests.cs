using System.Diagnostics;
using RlhfGraph.Api.Cli;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Cli;

/// <summary>
/// One database whatever the working directory: a relative SQLite path resolves against the API's content root (its
/// project folder when run from its build output, else the folder it is installed in), for every command, and each
/// command prints the absolute path it uses. Run as the real process a user runs, from two unrelated folders.
/// </summary>
public sealed class DatabasePathTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-cwd", Guid.NewGuid().ToString("N"));
    private readonly string _relative = $"data/cwd-test-{Guid.NewGuid():N}.db";

    public DatabasePathTests() => Directory.CreateDirectory(_directory);

    private async Task<(int Exit, string Out)> RunAsync(string workingDirectory, params string[] args)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "RlhfGraph.Api.dll"), .. args]) start.ArgumentList.Add(arg);
        start.Environment["ConnectionStrings__RlhfGraph"] = $"Data Source={_relative}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task MigrateAndSeedFromTwoWorkingDirectoriesUseAndPrintTheSameFileUnderTheContentRoot()
    {
        var expected = Path.Combine(ApiContentRoot.Default(AppContext.BaseDirectory), _relative);

        var migrate = await RunAsync(Path.Combine(_directory, "one"), "migrate");
        var seed = await RunAsync(Path.Combine(_directory, "two", "deeper"), "seed", "--source", TestDatabase.SeedDirectory);

        Assert.True(migrate.Exit == 0, migrate.Out);
        Assert.True(seed.Exit == 0, seed.Out);
        Assert.Contains($"Database: SQLite {expected}", migrate.Out, StringComparison.Ordinal);
        Assert.Contains($"Database: SQLite {expected}", seed.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(expected));
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheContentRootOfABuildOutputIsItsProjectFolderAndOfAnInstallItsOwnFolder()
    {
        var project = Directory.CreateDirectory(Path.Combine(_directory, "src", "Api")).FullName;
        File.WriteAllText(Path.Combine(project, "RlhfGraph.Api.csproj"), "<Project />");
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Release", "net10.0")).FullName;
        var installed = Directory.CreateDirectory(Path.Combine(_directory, "opt", "rlhfgraph")).FullName;

        Assert.Equal(project, ApiContentRoot.Default(output));
        Assert.Equal(installed, ApiContentRoot.Default(installed));
    }

    public void Dispose()
    {
        var file = Path.Combine(ApiContentRoot.Default(AppContext.BaseDirectory), _relative);
        foreach (var suffix in (string[])["", "-wal", "-shm"])
        {
            if (File.Exists(file + suffix)) File.Delete(file + suffix);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
