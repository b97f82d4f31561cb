using System.Text.Json;
using System.Text.Json.Serialization;

namespace RlhfGraph.Persistence.Import;

/// <summary>One entry of seed/sources.json: a list file and how to read it.</summary>
public sealed record SeedSource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("originalFile")] string? OriginalFile,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("format")] string Format);

/// <summary>Reads the manifest that names the list files of a seed folder.</summary>
public static class SeedManifest
{
    public const string FileName = "sources.json";

    public static async Task<IReadOnlyList<SeedSource>> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new ImportException($"{path}: no {FileName} manifest in the seed folder.");
        await using var stream = File.OpenRead(path);
        try
        {
            var sources = await JsonSerializer.DeserializeAsync<List<SeedSource>>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (sources is null || sources.Count == 0) throw new ImportException($"{path}: the manifest lists no sources.");
            var duplicate = sources.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ImportException($"{path}: source name '{duplicate.Key}' is listed twice.");
            return sources;
        }
        catch (JsonException e)
        {
            throw new ImportException($"{path}:{e.LineNumber + 1}: the manifest is not valid JSON ({e.Message}).", e);
        }
    }
}
