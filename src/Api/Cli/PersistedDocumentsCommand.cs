using System.CommandLine;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using RlhfGraph.Api.Persisted;

namespace RlhfGraph.Api.Cli;

/// <summary>
/// `persisted write`: the trusted documents folder for folders of .graphql files, one file per document named by the
/// SHA-256 of its text (HotChocolate's file-system operation store layout), and nothing else, so the folder is
/// exactly the operations it was written from.
/// </summary>
internal static class PersistedDocumentsCommand
{
    /// <summary>The operations this repository's clients send: the sample dashboard's and tests/queries'.</summary>
    public static readonly string[] DefaultSources = ["src/Api/Dashboard/Operations", "tests/queries"];

    public static Command Create(WebApplication app)
    {
        var sources = new Argument<string[]>("folders") { Description = $"Folders of .graphql files (default: {string.Join(", ", DefaultSources)}).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string?>("--output") { Description = "Trusted documents folder to write (default: PersistedOperations:Directory, i.e. src/Api/persisted)." };
        var write = new Command("write", "Write the trusted documents (one <sha256>.graphql per document) for folders of .graphql files.") { sources, output };
        write.SetAction((result, ct) => WriteAsync(app, result.GetValue(sources), result.GetValue(output), ct));
        return new Command("persisted", "Persisted operations.") { write };
    }

    private static async Task<int> WriteAsync(WebApplication app, string[]? sources, string? output, CancellationToken ct)
    {
        var root = Path.GetDirectoryName(SchemaFile.DefaultPath(app.Environment.ContentRootPath))!;
        var repository = Path.GetFullPath(Path.Combine(root, "..", ".."));
        var folders = sources is { Length: > 0 } ? sources.Select(Path.GetFullPath) : DefaultSources.Select(s => Path.Combine(repository, s));
        var target = Path.GetFullPath(output ?? app.Services.GetRequiredService<IOptions<PersistedOperationsOptions>>().Value.Directory, app.Environment.ContentRootPath);
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"persisted write: {folder} is not a folder; nothing was written.");
                return 1;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
            {
                var text = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
                try
                {
                    GraphQLParser.Parser.Parse(text);
                }
                catch (GraphQLSyntaxErrorException e)
                {
                    Console.Error.WriteLine($"persisted write: {file}: {e.Message}; nothing was written.");
                    return 1;
                }

                documents[DocumentHash.Of(text)] = text;
                Console.WriteLine($"{DocumentHash.Of(text)}  {Path.GetRelativePath(repository, file)}");
            }
        }

        Directory.CreateDirectory(target);
        foreach (var stale in Directory.EnumerateFiles(target, "*.graphql").Where(f => !documents.ContainsKey(Path.GetFileNameWithoutExtension(f))))
            File.Delete(stale);
        foreach (var (hash, text) in documents)
            await File.WriteAllTextAsync(Path.Combine(target, $"{hash}.graphql"), text, ct).ConfigureAwait(false);
        Console.WriteLine($"Wrote {documents.Count} trusted documents to {target}");
        return 0;
    }
}
