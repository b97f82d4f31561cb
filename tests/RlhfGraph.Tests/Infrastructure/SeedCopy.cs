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

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
