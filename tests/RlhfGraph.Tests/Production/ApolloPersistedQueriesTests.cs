using System.Diagnostics;
using System.Text.Json.Nodes;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Production;

/// <summary>
/// Apollo Client's persisted-queries link, the real one from npm (Production/Apollo/package.json, installed into a temporary
/// folder by the test; skipped where Node.js or npm is missing), against the API on a loopback port: the first request
/// sends only the hash and gets PERSISTED_QUERY_NOT_FOUND, the link registers it with its text, and the next client's
/// request is answered from the hash alone.
/// </summary>
public sealed class ApolloPersistedQueriesTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    private static readonly Lazy<Task<string?>> Installed = new(InstallAsync);

    [Theory]
    [InlineData("post")]
    [InlineData("get")]
    public async Task ApolloRegistersAnUnknownHashAndThenSendsOnlyTheHash(string mode)
    {
        var folder = await Installed.Value;
        Assert.SkipWhen(folder is null, "Node.js or npm is not installed (apt-get install nodejs npm), so Apollo Client cannot run.");
        var (exit, stdout, stderr) = await RunAsync("node", $"apq.mjs {new Uri(api.BaseAddress, "/graphql")} {mode}", folder!);
        Assert.True(exit == 0, stderr);

        var output = JsonNode.Parse(stdout)!;
        var requests = output["requests"]!.AsArray().Select(r => ((string)r!["method"]!, (bool)r["sentQuery"]!)).ToList();
        var hashOnly = mode == "get" ? "GET" : "POST";
        Assert.Equal([(hashOnly, false), ("POST", true), (hashOnly, false)], requests);
        var data = output["data"]!.AsArray();
        Assert.Equal(3, data[0]!["stats"]!["topAuthors"]!.AsArray().Count);
        Assert.Equal(data[0]!.ToJsonString(), data[1]!.ToJsonString());
    }

    /// <summary>npm install into a fresh temporary folder, once per run; null when Node.js or npm is not there.</summary>
    private static async Task<string?> InstallAsync()
    {
        try
        {
            if ((await RunAsync("node", "--version", Path.GetTempPath())).Exit != 0) return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), "rlhfgraph-apollo", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests/RlhfGraph.Tests/Production/Apollo")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        try
        {
            var (exit, _, stderr) = await RunAsync("npm", "install --no-audit --no-fund --no-package-lock --loglevel=error", folder);
            Assert.True(exit == 0, $"npm install failed: {stderr}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        return folder;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
