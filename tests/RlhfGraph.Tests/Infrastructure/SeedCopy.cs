namespace RlhfGraph.Tests.Infrastructure;

/// <summary>A scratch copy of the real seed folder that a test may edit.</summary>
public sealed class SeedCopy : IDisposable
{
    public SeedCopy()
    {
        Directory = Path.Combine(Path.GetTempPath(), "rlhfgraph-seed", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(TestDatabase.SeedDirectory))
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
    }

    public string Directory { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Replace(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(file));
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(file), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Contrastive Preference Learning gains a co-author, Ada Lovelace, in both lists that name it: her bylines and pairs are new.</summary>
    public void AddACoauthorToContrastivePreferenceLearning()
    {
        Replace("awesome-llm-training.md", "Joey Hejna, Rafael Rafailov, Harshit Sikchi", "Joey Hejna, Rafael Rafailov, Ada Lovelace, Harshit Sikchi");
        Replace("awesome-rlhf-louieworth-2024.md", "Joey Hejna, Rafael Rafailov, Harshit Sikchi", "Joey Hejna, Rafael Rafailov, Ada Lovelace, Harshit Sikchi");
    }

    /// <summary>Drops a source from sources.json (its file stays in the folder, unlisted), as a maintainer removing a list would.</summary>
    public void Unlist(string source)
    {
        var path = PathOf(RlhfGraph.Persistence.Import.SeedManifest.FileName);
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        var entry = Assert.Single(manifest, e => (string?)e!["name"] == source);
        manifest.Remove(entry);
        File.WriteAllText(path, manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
