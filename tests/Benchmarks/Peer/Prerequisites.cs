namespace RlhfGraph.Benchmarks.Peer;

/// <summary>
/// What the peer benchmark needs on this machine: PostgreSQL's server binaries (Debian's `postgresql`, with
/// `pg_stat_statements` from its contrib), Node.js with npm (PostGraphile itself is installed per run into a
/// temporary folder), and, when running as root, the `postgres` account, since PostgreSQL refuses to run as root.
/// </summary>
internal sealed record Prerequisites(string? PostgresBin, string? Node, string? Npm, string? PostgresUser, bool HasStatStatements)
{
    public static Prerequisites Find()
    {
        var bin = FindPostgresBin();
        var user = Environment.IsPrivilegedProcess ? (HasAccount("postgres") ? "postgres" : null) : Environment.UserName;
        var statStatements = bin is not null && Directory.GetParent(bin) is { } root
            && Directory.EnumerateFiles(Path.Combine(root.FullName, "lib"), "pg_stat_statements.so").Any();
        return new Prerequisites(bin, ExternalProcess.OnPath("node"), ExternalProcess.OnPath("npm"), user, statStatements);
    }

    /// <summary>Why the benchmark cannot run here, one line per missing piece, with the way to get it; empty when it can.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (PostgresBin is null)
            missing.Add("PostgreSQL server binaries (initdb, pg_ctl, postgres, psql) not found on PATH or in /usr/lib/postgresql/*/bin: install Debian's `postgresql` (`apt-get install postgresql`, or run with --install).");
        if (Node is null || Npm is null)
            missing.Add($"{(Node is null ? "node" : "npm")} not found on PATH: PostGraphile runs on Node.js and is installed with npm (`apt-get install npm`, or run with --install).");
        if (PostgresUser is null)
            missing.Add("running as root and there is no `postgres` account: PostgreSQL refuses to run as root (Debian's `postgresql` package creates the account; or run as an ordinary user).");
        return missing;
    }

    /// <summary>apt-get installs what is missing (PostgreSQL with its contrib, npm with Node.js); needs root.</summary>
    public async Task InstallMissingAsync()
    {
        var packages = new List<string>();
        if (PostgresBin is null) packages.AddRange(["postgresql", "postgresql-contrib"]);
        if (Node is null || Npm is null) packages.Add("npm");
        if (packages.Count == 0) return;
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException($"--install runs apt-get, which needs root; install {string.Join(", ", packages)} yourself or run as root.");
        Console.WriteLine($"installing {string.Join(" ", packages)} with apt-get");
        await ExternalProcess.RunAsync("apt-get", ["update"], timeout: TimeSpan.FromMinutes(10));
        await ExternalProcess.RunAsync("apt-get", ["install", "-y", "--no-install-recommends", .. packages], timeout: TimeSpan.FromMinutes(20));
    }

    private static string? FindPostgresBin()
    {
        if (ExternalProcess.OnPath("pg_ctl") is { } onPath && ResolveLinks(onPath) is { } real
            && Path.GetDirectoryName(real) is { } dir && File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb")))
            return dir;

        // Debian keeps the server binaries out of PATH, one folder per major version; take the newest.
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")) && File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "psql")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static string? ResolveLinks(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
    }

    private static bool HasAccount(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
}
