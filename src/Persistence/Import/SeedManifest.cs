using System.Text.Json;
using System.Text.Json.Serialization;

namespace RlhfGraph.Persistence.Import;

/// <summary>One entry of seed/sources.json: a list file and how to read it.</summary>
public sealed record SeedSource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("originalFile")] string? OriginalFile,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("format")] string? Format)
{
    /// <summary>The format that tells the reader to look at the text (also what a missing "format" means).</summary>
    public const string AutoFormat = "auto";
}

/// <summary>
/// Reads the manifest that names the list files of a seed folder; a folder without one is read as
/// every .md and .txt file in it, each a source named after its file, its format detected from its text.
/// </summary>
public static class SeedManifest
{
    public const string FileName = "sources.json";

    /// <summary>Whether the folder holds something to import: a manifest or at least one list file.</summary>
    public static bool IsSeedFolder(string directory) =>
        Directory.Exists(directory) && (File.Exists(Path.Combine(directory, FileName)) || ListFiles(directory).Count > 0);

    public static async Task<IReadOnlyList<SeedSource>> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        if (!Directory.Exists(directory)) throw new ImportException($"{directory}: no such seed folder.");
        if (!File.Exists(path))
        {
            var files = ListFiles(directory);
            if (files.Count == 0) throw new ImportException($"{directory}: no {FileName} manifest and no .md or .txt list file in the seed folder.");
            return [.. files.Select(f => new SeedSource(Path.GetFileNameWithoutExtension(f), f, null, null, SeedSource.AutoFormat))];
        }

        await using var stream = File.OpenRead(path);
        try
        {
            var sources = await JsonSerializer.DeserializeAsync<List<SeedSource>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (sources is null || sources.Count == 0) throw new ImportException($"{path}: the manifest lists no sources.");
            var duplicate = sources.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ImportException($"{path}: source name '{duplicate.Key}' is listed twice.");
            var unnamed = sources.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.File));
            if (unnamed is not null) throw new ImportException($"{path}: every source needs a \"name\" and a \"file\".");
            return sources;
        }
        catch (JsonException e)
        {
            throw new ImportException($"{path}:{e.LineNumber + 1}: the manifest is not valid JSON ({e.Message}).", e);
        }
    }

    /// <summary>The folder's .md and .txt files by name, in ordinal order so sources are read the same way everywhere.</summary>
    private static List<string> ListFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
}

