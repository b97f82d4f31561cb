namespace RlhfGraph.LoadTest;

/// <summary>The realistic client queries of tests/queries (found upwards from the working directory unless a folder is given).</summary>
public static class QueryCatalog
{
    public static IReadOnlyList<string> Load(string? directory = null)
    {
        directory ??= Find();
        var queries = Directory.GetFiles(directory, "*.graphql").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        return queries.Count > 0 ? queries : throw new InvalidOperationException($"No .graphql files in {directory}.");
    }

    /// <summary>The same queries as <see cref="Load"/>, in the same order, with their file names (without .graphql).</summary>
    public static IReadOnlyList<(string Name, string Query)> LoadNamed(string? directory = null)
    {
        directory ??= Find();
        return [.. Directory.GetFiles(directory, "*.graphql").Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))];
    }

    private static string Find()
    {
        foreach (var start in (string[])[Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "queries");
                if (Directory.Exists(candidate)) return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/queries; pass --queries DIR.");
    }
}
