namespace RlhfGraph.Api.Cli;

/// <summary>
/// The API's content root, whatever the working directory: ASP.NET Core would take the working directory, so the same
/// build run from the repository root and from src/Api would read and write two different data/rlhfgraph.db files (and
/// look for persisted/ in two places). Relative paths (the SQLite file, the trusted documents) resolve against this one
/// folder for serving and for every command alike: the project folder when the app runs from its build output
/// (src/Api/bin/…), else the folder the app is installed in. --contentRoot or ASPNETCORE_CONTENTROOT still choose.
/// </summary>
internal static class ApiContentRoot
{
    private const string ProjectFile = "RlhfGraph.Api.csproj";

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsChosen(args) ? null : Default(AppContext.BaseDirectory),
    };

    /// <summary>The project folder above a build output folder (…/src/Api/bin/Debug/net10.0/), else <paramref name="appDirectory"/> itself.</summary>
    internal static string Default(string appDirectory)
    {
        for (var dir = new DirectoryInfo(appDirectory); dir?.Parent is { } parent; dir = parent)
        {
            if (dir.Name == "bin" && File.Exists(Path.Combine(parent.FullName, ProjectFile))) return parent.FullName;
        }

        return Path.GetFullPath(appDirectory);
    }

    private static bool IsChosen(string[] args) =>
        args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
