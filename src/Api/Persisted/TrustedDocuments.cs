using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.Persisted;

/// <summary>The trusted documents folder, read once at start-up: hash → text. A file whose name is not its text's hash is ignored with a warning.</summary>
internal sealed class TrustedDocuments
{
    public TrustedDocuments(IOptions<PersistedOperationsOptions> options, IHostEnvironment environment, ILogger<TrustedDocuments> logger)
    {
        var folder = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (System.IO.Directory.Exists(folder))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.graphql"))
            {
                var text = File.ReadAllText(file);
                var name = Path.GetFileNameWithoutExtension(file);
                if (DocumentHash.Of(text) == name) documents[name] = text;
                else logger.LogWarning("{File} is not named by the SHA-256 of its text, so it is not a trusted document; write the folder with `persisted write`", file);
            }
        }

        Directory = folder;
        Documents = documents.ToFrozenDictionary(StringComparer.Ordinal);
        ByMd5 = documents.Values.ToFrozenDictionary(DocumentHash.Md5Of, text => text, StringComparer.Ordinal);
    }

    public string Directory { get; }

    public FrozenDictionary<string, string> Documents { get; }

    /// <summary>The same documents by their MD5 key (HotChocolate's default document hash), see <see cref="DocumentHash.Md5Of"/>.</summary>
    public FrozenDictionary<string, string> ByMd5 { get; }

    /// <summary>A trusted document by a key <see cref="DocumentHash.Parse"/> gave, SHA-256 or MD5.</summary>
    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text) =>
        (key.StartsWith(DocumentHash.Md5Prefix, StringComparison.Ordinal) ? ByMd5 : Documents).TryGetValue(key, out text);
}
