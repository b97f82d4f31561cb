using RlhfGraph.Persistence.Search;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Search;

/// <summary>
/// Search behind ISearchIndex on the real seeded data: each provider's own (FTS5 on SQLite, LIKE on
/// SQL Server), and the LIKE fallback once more on SQLite, where it runs unchanged.
/// </summary>
public abstract class SearchIndexTests(SeededDatabase fixture) : DatabaseTests(fixture)
{
    /// <summary>The implementation under test; null means the provider's own.</summary>
    protected virtual ISearchIndex? Implementation => null;

    private ISearchIndex Index(RlhfGraph.Persistence.RlhfGraphDbContext db) => Implementation ?? db.Search;

    private static readonly SearchKind[] All = Enum.GetValues<SearchKind>();

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, params SearchKind[] kinds)
    {
        await using var db = fixture.Database.CreateContext();
        var page = await Index(db).SearchAsync(db, SearchText.Parse(query), kinds.Length == 0 ? All : kinds, 0, 10, wantsTotal: true, TestContext.Current.CancellationToken);
        Assert.True(page.Total >= page.Hits.Count);
        return page.Hits;
    }

    [Fact]
    public async Task DirectPreferenceOptimizationFindsTheDpoPaperFirst()
    {
        var hits = await SearchAsync("direct preference optimization");

        Assert.Equal(SearchKind.Paper, hits[0].Kind);
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", hits[0].Label);
        Assert.True(hits.Count > 1, "other DPO variants match too");
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SadighFindsDorsaSadighFirst()
    {
        var hits = await SearchAsync("sadigh");

        Assert.Equal((SearchKind.Author, "Dorsa Sadigh"), (hits[0].Kind, hits[0].Label));
        // Her papers match through their bylines, ranked below her.
        Assert.Contains(hits.Skip(1), h => h.Kind == SearchKind.Paper);
    }

    [Fact]
    public async Task HhRlhfFindsTheDatasetFirst()
    {
        var hits = await SearchAsync("hh-rlhf");

        Assert.Equal((SearchKind.Dataset, "HH-RLHF"), (hits[0].Kind, hits[0].Label));
        Assert.Contains(hits, h => h.Kind == SearchKind.Codebase);
    }

    [Fact]
    public async Task CaseAccentsAndPunctuationDoNotMatter()
    {
        var plain = await SearchAsync("hh rlhf");
        var shouted = await SearchAsync("  HH—RLHF!!  ");
        var accented = await SearchAsync("Sádìgh");

        Assert.Equal(plain, shouted);
        Assert.Equal("Dorsa Sadigh", accented[0].Label);
    }

    [Fact]
    public async Task QuerySyntaxInUserInputIsJustWords()
    {
        foreach (var hostile in (string[])["\"", "rlhf\" OR \"", "NEAR(rlhf", "rlhf*", "Name : rlhf", "'; DROP TABLE Papers; --", "%_%", "^rlhf", "-rlhf"])
        {
            var hits = await SearchAsync(hostile);
            Assert.All(hits, h => Assert.True(h.Score > 0));
        }

        Assert.NotEmpty(await SearchAsync("rlhf*"));
        Assert.Empty(await SearchAsync("\"*()"));
    }

    [Fact]
    public async Task TypesRestrictWhatIsFound()
    {
        var hits = await SearchAsync("hh-rlhf", SearchKind.Codebase);

        Assert.All(hits, h => Assert.Equal(SearchKind.Codebase, h.Kind));
        Assert.Equal("HH-RLHF", hits[0].Label);
    }

    [Fact]
    public async Task AutocompleteCompletesWordStartsInNames()
    {
        await using var db = fixture.Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;

        var people = await Index(db).AutocompleteAsync(db, SearchText.Parse("dorsa sad"), [SearchKind.Author], 5, ct);
        var papers = await Index(db).AutocompleteAsync(db, SearchText.Parse("Direct Preference Optimization: Your"), [SearchKind.Paper], 5, ct);
        var nothing = await Index(db).AutocompleteAsync(db, SearchText.Parse("!!!"), All, 5, ct);

        Assert.Equal("Dorsa Sadigh", Assert.Single(people).Label);
        Assert.Equal("Direct Preference Optimization: Your Language Model is Secretly a Reward Model", papers[0].Label);
        Assert.Empty(nothing);
    }
}

[Collection(SqliteSeededCollection.Name)]
public sealed class SqliteSearchIndexTests(SqliteSeededDatabase fixture) : SearchIndexTests(fixture);

/// <summary>SQL Server's LIKE search, run on SQLite too, so it is exercised where no SQL Server is at hand.</summary>
[Collection(SqliteSeededCollection.Name)]
public sealed class SqliteLikeSearchIndexTests(SqliteSeededDatabase fixture) : SearchIndexTests(fixture)
{
    protected override ISearchIndex? Implementation => LikeSearchIndex.Instance;
}

[Collection(SqlServerSeededCollection.Name)]
public sealed class SqlServerSearchIndexTests(SqlServerSeededDatabase fixture) : SearchIndexTests(fixture);
