using GraphQL;
using GraphQL.Types;

namespace RlhfGraph.Api.Cli;

/// <summary>The committed SDL file: how it is rendered and where it lives.</summary>
internal static class SchemaFile
{
    public const string RelativePath = "src/Schema/schema.graphql";

    /// <summary>The live schema as SDL with descriptions, with a trailing newline and LF line ends on every OS.</summary>
    public static string Render(ISchema schema) => schema.Print().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>src/Schema/schema.graphql under the repository that holds the content root.</summary>
    public static string DefaultPath(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RlhfGraph.sln"))) return Path.Combine(dir.FullName, RelativePath);
        }

        return Path.GetFullPath(RelativePath);
    }
}
