using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>
/// Every filter operator, checked against the same predicate evaluated in memory over the whole
/// seeded database (text compared ignoring case), so each case proves the SQL translation is right.
/// </summary>
public abstract class FilteringTests(ApiFactory api) : DatabaseTests(api)
{
    private static readonly StringComparison Ci = StringComparison.OrdinalIgnoreCase;

    private async Task<List<Paper>> PapersAsync()
    {
        await using var db = api.Database.CreateContext();
        return await db.Papers
            .Include(p => p.Authors).ThenInclude(a => a.Author)
            .Include(p => p.Codebases)
            .Include(p => p.Datasets).ThenInclude(d => d.Dataset)
            .Include(p => p.Keywords).ThenInclude(k => k.Keyword)
            .AsSplitQuery().ToListAsync();
    }

    private async Task AssertPapersAsync(object where, Func<Paper, bool> expected)
    {
        var actual = (await api.AllNodesAsync("paper", "id title", where)).Select(n => (string)n["title"]!).Order(StringComparer.Ordinal).ToList();
        var wanted = (await PapersAsync()).Where(expected).Select(p => p.Title).Order(StringComparer.Ordinal).ToList();
        // A filter matching nothing would prove nothing about its translation.
        Assert.NotEmpty(wanted);
        Assert.Equal(wanted, actual);
    }

    public static TheoryData<string, string> StringCases => new()
    {
        { "eq", "direct preference optimization: your language model is secretly a reward model" },
        { "neq", "GPT-4 Technical Report" },
        { "contains", "PREFERENCE" },
        { "ncontains", "preference" },
        { "startsWith", "rlhf" },
        { "nstartsWith", "a " },
        { "endsWith", "FEEDBACK" },
        { "nendsWith", "feedback" },
    };

    [Theory]
    [MemberData(nameof(StringCases))]
    public async Task StringOperatorsOnTitleMatchIgnoringCase(string op, string value) =>
        await AssertPapersAsync(new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { [op] = value } }, p => op switch
        {
            "eq" => p.Title.Equals(value, Ci),
            "neq" => !p.Title.Equals(value, Ci),
            "contains" => p.Title.Contains(value, Ci),
            "ncontains" => !p.Title.Contains(value, Ci),
            "startsWith" => p.Title.StartsWith(value, Ci),
            "nstartsWith" => !p.Title.StartsWith(value, Ci),
            "endsWith" => p.Title.EndsWith(value, Ci),
            _ => !p.Title.EndsWith(value, Ci),
        });

    [Fact]
    public async Task StringInAndNinTakeLists() =>
        await AssertPapersAsync(new { venue = new { @in = new[] { "neurips", "ICML" } } }, p => p.Venue is "NeurIPS" or "ICML");

    [Fact]
    public async Task NullableStringNinKeepsRowsWithoutAValue() =>
        await AssertPapersAsync(new { venue = new { nin = new[] { "arXiv" } } }, p => p.Venue != "arXiv");

    [Fact]
    public async Task EqNullFindsAbsentValues() =>
        await AssertPapersAsync(new { arxivId = new { eq = (string?)null } }, p => p.ArxivId is null);

    public static TheoryData<string, int> IntCases => new()
    {
        { "eq", 2023 }, { "neq", 2023 }, { "gt", 2023 }, { "ngt", 2023 }, { "gte", 2024 }, { "ngte", 2024 },
        { "lt", 2022 }, { "nlt", 2022 }, { "lte", 2022 }, { "nlte", 2022 },
    };

    [Theory]
    [MemberData(nameof(IntCases))]
    public async Task IntOperatorsOnYearTreatAbsentYearsLikeCSharpDoes(string op, int value) =>
        await AssertPapersAsync(new Dictionary<string, object> { ["year"] = new Dictionary<string, object> { [op] = value } }, p => op switch
        {
            "eq" => p.Year == value,
            "neq" => p.Year != value,
            "gt" => p.Year > value,
            "ngt" => !(p.Year > value),
            "gte" => p.Year >= value,
            "ngte" => !(p.Year >= value),
            "lt" => p.Year < value,
            "nlt" => !(p.Year < value),
            "lte" => p.Year <= value,
            _ => !(p.Year <= value),
        });

    [Fact]
    public async Task IntInAndNinTakeLists()
    {
        await AssertPapersAsync(new { year = new { @in = new[] { 2017, 2020 } } }, p => p.Year is 2017 or 2020);
        await AssertPapersAsync(new { year = new { nin = new[] { 2023, 2024 } } }, p => p.Year is not (2023 or 2024));
    }

    [Fact]
    public async Task BooleanAndEnumOperators()
    {
        await AssertPapersAsync(new { hasOfficialCode = new { eq = true } }, p => p.HasOfficialCode);
        await AssertPapersAsync(new { hasOfficialCode = new { neq = true } }, p => !p.HasOfficialCode);
        await AssertPapersAsync(new { kind = new { eq = "BLOG_POST" } }, p => p.Kind == PaperKind.BlogPost);
        await AssertPapersAsync(new { kind = new { neq = "PAPER" } }, p => p.Kind != PaperKind.Paper);
        await AssertPapersAsync(new { kind = new { @in = new[] { "SURVEY", "TECHNICAL_REPORT" } } }, p => p.Kind is PaperKind.Survey or PaperKind.TechnicalReport);
        await AssertPapersAsync(new { kind = new { nin = new[] { "PAPER" } } }, p => p.Kind != PaperKind.Paper);
    }

    [Fact]
    public async Task AndOrCombineFilters()
    {
        await AssertPapersAsync(new { or = new object[] { new { year = new { lt = 2019 } }, new { kind = new { eq = "TALK" } } } },
            p => p.Year < 2019 || p.Kind == PaperKind.Talk);
        await AssertPapersAsync(new { and = new object[] { new { title = new { contains = "human" } }, new { title = new { contains = "feedback" } } }, year = new { gte = 2023 } },
            p => p.Title.Contains("human", Ci) && p.Title.Contains("feedback", Ci) && p.Year >= 2023);
        await AssertPapersAsync(new { title = new { or = new object[] { new { startsWith = "rlhf" }, new { endsWith = "rlhf" } } } },
            p => p.Title.StartsWith("rlhf", Ci) || p.Title.EndsWith("rlhf", Ci));
    }

    [Fact]
    public async Task NestedListFiltersFollowRelations()
    {
        await AssertPapersAsync(new { authors = new { some = new { name = new { contains = "sadigh" } } }, codebases = new { any = true }, year = new { gte = 2023 } },
            p => p.Authors.Any(a => a.Author!.Name.Contains("sadigh", Ci)) && p.Codebases.Count > 0 && p.Year >= 2023);
        await AssertPapersAsync(new { authors = new { all = new { kind = new { eq = "ORGANIZATION" } } }, kind = new { neq = "BLOG_POST" } },
            p => p.Authors.All(a => a.Author!.Kind == AuthorKind.Organization) && p.Kind != PaperKind.BlogPost);
        await AssertPapersAsync(new { datasets = new { none = new { name = new { eq = "truthfulqa" } } }, codebases = new { any = true } },
            p => !p.Datasets.Any(d => d.Dataset!.Name.Equals("truthfulqa", Ci)) && p.Codebases.Count > 0);
        await AssertPapersAsync(new { keywords = new { some = new { eq = "ppo" } } }, p => p.Keywords.Any(k => k.Keyword!.Name.Equals("ppo", Ci)));
        await AssertPapersAsync(new { codebases = new { any = false }, hasOfficialCode = new { eq = true } }, p => p.Codebases.Count == 0 && p.HasOfficialCode);
    }

    [Fact]
    public async Task AuthorsOfPapersUsingADatasetAreFoundTwoHopsAway()
    {
        var names = (await api.AllNodesAsync("author", "name",
            new { papers = new { some = new { datasets = new { some = new { name = new { eq = "TruthfulQA" } } } } } })).Select(n => (string)n["name"]!).ToList();

        await using var db = api.Database.CreateContext();
        var expected = await db.Authors.Where(a => a.Papers.Any(p => p.Paper!.Datasets.Any(d => d.Dataset!.Name == "TruthfulQA"))).Select(a => a.Name).ToListAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains("Long Ouyang", names);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[")]
    [InlineData("'; DROP TABLE Papers; --")]
    public async Task LikeWildcardsAndSqlMetacharactersMatchLiterally(string text)
    {
        var titles = await api.AllNodesAsync("paper", "title", new { title = new { contains = text } });

        Assert.All(titles, t => Assert.Contains(text, (string)t["title"]!, StringComparison.Ordinal));
        await using var db = api.Database.CreateContext();
        Assert.Equal(await db.Papers.CountAsync(), (await api.AllNodesAsync("paper", "id")).Count);
    }

    [Fact]
    public async Task EmptyInMatchesNothingAndEmptyNinEverything()
    {
        Assert.Empty(await api.AllNodesAsync("paper", "id", new { year = new { @in = Array.Empty<int>() } }));
        await using var db = api.Database.CreateContext();
        Assert.Equal(await db.Papers.CountAsync(), (await api.AllNodesAsync("paper", "id", new { year = new { nin = Array.Empty<int>() } })).Count);
        Assert.Equal(await db.Papers.CountAsync(), (await api.AllNodesAsync("paper", "id", new { and = Array.Empty<object>() })).Count);
        Assert.Empty(await api.AllNodesAsync("paper", "id", new { or = Array.Empty<object>() }));
    }

    [Fact]
    public async Task AFilterOnAnUnknownFieldOrOfTheWrongTypeIsAClearValidationError()
    {
        var unknown = await api.PostAsync("{ papers(where: { nope: { eq: 1 } }) { totalCount } }");
        var wrongType = await api.PostAsync("{ papers(where: { year: { eq: \"2023\" } }) { totalCount } }");

        Assert.Equal(400, unknown.Status);
        Assert.Equal(400, wrongType.Status);
        Assert.Null(wrongType.Body["data"]);
        Assert.NotNull(wrongType.Errors);
    }

    [Fact]
    public async Task ContainsNullIsRejectedWithACode()
    {
        var response = await api.PostAsync("{ papers(where: { title: { contains: null } }) { totalCount } }");

        Assert.Equal("INVALID_FILTER", (string)response.Errors![0]!["extensions"]!["code"]!);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteFilteringTests(SqliteApiFactory api) : FilteringTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerFilteringTests(SqlServerApiFactory api) : FilteringTests(api);
