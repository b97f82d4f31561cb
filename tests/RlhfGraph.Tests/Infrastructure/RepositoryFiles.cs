namespace RlhfGraph.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from (found upwards from the test assembly).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string QueriesDirectory => Path.Combine(Root, "tests", "queries");

    /// <summary>The ```graphql blocks of README.md, in order.</summary>
    public static IReadOnlyList<string> ReadmeQueries()
    {
        var blocks = new List<string>();
        var text = File.ReadAllText(Path.Combine(Root, "README.md"));
        for (var start = text.IndexOf("```graphql\n", StringComparison.Ordinal); start >= 0; start = text.IndexOf("```graphql\n", start, StringComparison.Ordinal))
        {
            start += "```graphql\n".Length;
            var end = text.IndexOf("```", start, StringComparison.Ordinal);
            blocks.Add(text[start..end]);
            start = end + 3;
        }

        return blocks;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RlhfGraph.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("No RlhfGraph.sln above the test assembly.");
    }
}
