using RlhfGraph.Persistence.Import;
using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import.Formats;

/// <summary>The real list files parsed by the parser their manifest entry names, as the importer does.</summary>
internal static class SeedLists
{
    private static readonly Lazy<Dictionary<string, ParsedList>> Parsed = new(() =>
        SeedManifest.ReadAsync(TestDatabase.SeedDirectory).GetAwaiter().GetResult().ToDictionary(
            s => s.Name,
            s => ListParsers.For(s.Format!)!.Parse(s.Name, File.ReadAllText(Path.Combine(TestDatabase.SeedDirectory, s.File)))));

    public static ParsedList Parse(string source) => Parsed.Value[source];

    /// <summary>The single item of a list with this exact title.</summary>
    public static ListItem Item(string source, string title) => Assert.Single(Parse(source).Items, i => i.Title == title);
}
