using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RlhfGraph.Corpus;

namespace RlhfGraph.Benchmarks;

/// <summary>`generate --papers N --out DIR [--seed S]`: a synthetic seed folder the real `seed --source` imports.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var papers = new Option<int>("--papers") { Description = "Distinct papers to generate.", DefaultValueFactory = _ => 10_000 };
        var output = new Option<string>("--out") { Description = "Folder to write the list files and sources.json into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Same seed, same bytes.", DefaultValueFactory = _ => 1 };
        var withLists = new Option<string?>("--with-lists") { Description = "Also copy this seed folder's real lists in (e.g. seed), so the catalog queries find their papers." };
        var command = new Command("generate", "Write a synthetic seed folder in the real lists' formats.") { papers, output, seed, withLists };
        command.SetAction(result =>
        {
            var clock = Stopwatch.StartNew();
            var directory = Path.GetFullPath(result.GetValue(output)!);
            var shape = CorpusGenerator.Write(new CorpusOptions { Papers = result.GetValue(papers), Seed = result.GetValue(seed) }, directory);
            if (result.GetValue(withLists) is { } lists) AddRealLists(Path.GetFullPath(lists), directory);
            Console.WriteLine($"Wrote {directory} in {clock.Elapsed.TotalSeconds:F1} s:");
            foreach (var (source, file, items) in shape.Files) Console.WriteLine($"  {file,-28} {items,8} items ({source})");
            Console.WriteLine($"  papers {shape.Papers}, authors {shape.Authors} ({shape.PaperAuthorLinks} bylines), codebases {shape.Codebases}, "
                + $"datasets {shape.Datasets}, keywords {shape.Keywords}; {shape.Items - shape.Papers} listings are cross-file duplicates");
            return 0;
        });
        return command;
    }

    // The real lists first, then the synthetic ones, in one manifest.
    private static void AddRealLists(string seedDirectory, string directory)
    {
        var real = JsonNode.Parse(File.ReadAllText(Path.Combine(seedDirectory, "sources.json")))!.AsArray();
        var synthetic = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "sources.json")))!.AsArray();
        foreach (var entry in real)
        {
            var file = (string)entry!["file"]!;
            File.Copy(Path.Combine(seedDirectory, file), Path.Combine(directory, file), overwrite: true);
        }

        var all = new JsonArray([.. real.Select(e => e!.DeepClone()), .. synthetic.Select(e => e!.DeepClone())]);
        File.WriteAllText(Path.Combine(directory, "sources.json"), all.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"  with the {real.Count} real lists of {seedDirectory}");
    }
}
