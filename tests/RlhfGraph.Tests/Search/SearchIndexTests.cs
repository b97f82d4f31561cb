using RlhfGraph.Persistence.Search;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Search;

/// <summary>
/// Both search implementations behind ISearchIndex, on the real seeded data: FTS5 (SQLite's own) and
/// the LIKE fallback SQL Server uses, which runs unchanged on SQLite too.
/// </summary>
[Collection(SeededDatabaseCollection.Name)]
public sealed class SearchIndexTests(SeededDatabaseFixture fixture)
{
    public static TheoryData<string> Implementations => new() { nameof(Fts5SearchIndex), nameof(LikeSearchIndex) };

    private static ISearchIndex Index(string name) => name == nameof(Fts5SearchIndex) ? Fts5SearchIndex.Instance : LikeSearchIndex.Instance;

    private static readonly SearchKind[] All = Enum.GetValues<SearchKind>();

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(string implementation, string query, params SearchKind[] kinds)
    {
        await using var db = fixture.Database.CreateContext();
        var page = await Index(implementation).SearchAsync(db, SearchText.Parse(query), kinds.Length == 0 ? All : kinds, 0, 10, wantsTotal: true, TestContext.Current.CancellationToken);
        Assert.True(page.Total >= page.Hits.Count);
        return page.Hits;
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task DirectPreferenceOptimizationFindsTheDpoPaperFirst(string implementation)
    {
        var hits = await SearchAsync(implementation, "direct preference optimization");

        Assert.Equal(SearchKind.Paper, hits[0].Kind);
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", hits[0].Label);
        Assert.True(hits.Count > 1, "other DPO variants match too");
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task SadighFindsDorsaSadighFirst(string implementation)
    {
        var hits = await SearchAsync(implementation, "sadigh");

        Assert.Equal((SearchKind.Author, "Dorsa Sadigh"), (hits[0].Kind, hits[0].Label));
        // Her papers match through their bylines, ranked below her.
        Assert.Contains(hits.Skip(1), h => h.Kind == SearchKind.Paper);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task HhRlhfFindsTheDatasetFirst(string implementation)
    {
        var hits = await SearchAsync(implementation, "hh-rlhf");

        Assert.Equal((SearchKind.Dataset, "HH-RLHF"), (hits[0].Kind, hits[0].Label));
        Assert.Contains(hits, h => h.Kind == SearchKind.Codebase);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task CaseAccentsAndPunctuationDoNotMatter(string implementation)
    {
        var plain = await SearchAsync(implementation, "hh rlhf");
        var shouted = await SearchAsync(implementation, "  HH—RLHF!!  ");
        var accented = await SearchAsync(implementation, "Sádìgh");

        Assert.Equal(plain, shouted);
        Assert.Equal("Dorsa Sadigh", accented[0].Label);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task QuerySyntaxInUserInputIsJustWords(string implementation)
    {
        foreach (var hostile in (string[])["\"", "rlhf\" OR \"", "NEAR(rlhf", "rlhf*", "Name : rlhf", "'; DROP TABLE Papers; --", "%_%", "^rlhf", "-rlhf"])
        {
            var hits = await SearchAsync(implementation, hostile);
            Assert.All(hits, h => Assert.True(h.Score > 0));
        }

        Assert.NotEmpty(await SearchAsync(implementation, "rlhf*"));
        Assert.Empty(await SearchAsync(implementation, "\"*()"));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task TypesRestrictWhatIsFound(string implementation)
    {
        var hits = await SearchAsync(implementation, "hh-rlhf", SearchKind.Codebase);

        Assert.All(hits, h => Assert.Equal(SearchKind.Codebase, h.Kind));
        Assert.Equal("HH-RLHF", hits[0].Label);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public async Task AutocompleteCompletesWordStartsInNames(string implementation)
    {
        await using var db = fixture.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;

        var people = await Index(implementation).AutocompleteAsync(db, SearchText.Parse("dorsa sad"), [SearchKind.Author], 5, ct);
        var papers = await Index(implementation).AutocompleteAsync(db, SearchText.Parse("Direct Preference Optimization: Your"), [SearchKind.Paper], 5, ct);
        var nothing = await Index(implementation).AutocompleteAsync(db, SearchText.Parse("!!!"), All, 5, ct);

        Assert.Equal("Dorsa Sadigh", Assert.Single(people).Label);
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", papers[0].Label);
        Assert.Empty(nothing);
    }
}
