using System.Text.Json.Nodes;
using RlhfGraph.Persistence.Import;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Import;

/// <summary>
/// Each seed list imported alone by its own parser (the one seed/sources.json names), and all five together: sampled items checked by
/// hand against the list (<see cref="SeedListSamples"/>) are what the list's text says, whichever parser read them.
/// </summary>
public sealed class SeedListSampleTests
{
    public static TheoryData<string> Seeds =>
        ["awesome-rlhf-louieworth-2024", "awesome-rlhf-opendilab-2023", "awesome-offline-rl-louieworth", "awesome-rlhf-opendilab-2025", "awesome-llm-training"];

    private static (int Line, string Expected)[] SampleOf(string source) => source switch
    {
        "awesome-rlhf-louieworth-2024" => SeedListSamples.LouieworthSample,
        "awesome-rlhf-opendilab-2023" => SeedListSamples.OpenDilab2023Sample,
        "awesome-offline-rl-louieworth" => SeedListSamples.OfflineRlSample,
        "awesome-rlhf-opendilab-2025" => SeedListSamples.OpenDilab2025FlattenedSample,
        _ => SeedListSamples.LlmTrainingSample,
    };

    /// <summary>A folder with the one seed file and a manifest holding only its entry (its name, file and format).</summary>
    private static string FolderWithSeed(string source)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TestDatabase.SeedDirectory, SeedManifest.FileName)))!.AsArray();
        var entry = manifest.Single(e => (string)e!["name"]! == source)!;
        var folder = AwesomeListImportTests.FolderWith(Path.Combine(TestDatabase.SeedDirectory, (string)entry["file"]!));
        File.WriteAllText(Path.Combine(folder, SeedManifest.FileName), new JsonArray(entry.DeepClone()).ToJsonString());
        return folder;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ImportedAloneByItsOwnParserEverySampledItemHasTheKindTitleVenueAndYearItsTextGives(string source)
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.CreateImporter().ImportAsync(FolderWithSeed(source));

        var sample = SampleOf(source);
        Assert.True(sample.Select(s => s.Line).Distinct().Count() >= 10);
        ItemsByLine.AssertEach(await ItemsByLine.ReadAsync(database, source, byColumn: source == "awesome-rlhf-opendilab-2025"), sample);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task WithAllFiveSeedsEverySampledItemKeepsItsKind(string source)
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);

        // Titles, venues and years may come from another seed that lists the same work more fully; what the item is does not change.
        static string KindOf(string row) => row.StartsWith("Paper", StringComparison.Ordinal) ? string.Join(" · ", row.Split(" · ")[..2]) : row.Split(" · ")[0];
        var actual = (await ItemsByLine.ReadAsync(database, source, byColumn: source == "awesome-rlhf-opendilab-2025"))
            .ToDictionary(p => p.Key, p => p.Value.Select(KindOf).ToList());
        ItemsByLine.AssertEach(actual, SampleOf(source).Select(s => (s.Line, KindOf(s.Expected))));
    }
}
