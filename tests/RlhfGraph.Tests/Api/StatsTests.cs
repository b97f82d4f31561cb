using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>stats: GROUP BY aggregations over real HTTP, checked against counting the seeded rows one by one.</summary>
public abstract class StatsTests(ApiFactory api) : DatabaseTests(api)
{
    private static List<(string? Key, int Count)> Buckets(JsonNode list) =>
        list.AsArray().Select(b => ((string?)b!["key"], (int)b["count"]!)).ToList();

    [Fact]
    public async Task PapersPerYearEqualsCountingEveryPaper()
    {
        var response = (await api.PostAsync("{ stats { paperCount papersPerYear { key count } } }")).ShouldSucceed();

        await using var db = api.Database.CreateContext();
        var years = await db.Papers.Select(p => p.Year).ToListAsync(TestContext.Current.CancellationToken);
        var expected = years.GroupBy(y => y).OrderBy(g => g.Key).Select(g => (g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count())).ToList();
        Assert.Equal(expected, Buckets(response.Data["stats"]!["papersPerYear"]!));
        Assert.Equal(years.Count, (int)response.Data["stats"]!["paperCount"]!);
    }

    [Fact]
    public async Task TheFilterIsAppliedBeforeCounting()
    {
        var response = (await api.PostAsync("""
            {
              stats(where: { year: { gte: 2023 }, kind: { eq: PAPER } }) { paperCount papersPerYear { key count } papersPerKind { key count } }
              papers(where: { year: { gte: 2023 }, kind: { eq: PAPER } }) { totalCount }
            }
            """)).ShouldSucceed();

        var stats = response.Data["stats"]!;
        Assert.Equal((int)response.Data["papers"]!["totalCount"]!, (int)stats["paperCount"]!);
        Assert.All(Buckets(stats["papersPerYear"]!), b => Assert.True(int.Parse(b.Key!, System.Globalization.CultureInfo.InvariantCulture) >= 2023));
        Assert.Equal([("PAPER", (int)stats["paperCount"]!)], Buckets(stats["papersPerKind"]!));
    }

    [Fact]
    public async Task TopKeywordsAreTheLargestGroupsAndOrderByKeyWorks()
    {
        var response = (await api.PostAsync("""
            { stats { top: papersPerKeyword(first: 5) { key count id } all: papersPerKeyword(first: 200, order: KEY_ASC) { key count } } }
            """)).ShouldSucceed();

        var top = Buckets(response.Data["stats"]!["top"]!);
        var all = Buckets(response.Data["stats"]!["all"]!);
        await using var db = api.Database.CreateContext();
        var perKeyword = await db.PaperKeywords.GroupBy(k => k.Keyword!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(perKeyword.OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.OrdinalIgnoreCase).Take(5).Select(k => ((string?)k.Key, k.Count)), top);
        Assert.Equal(Math.Min(200, perKeyword.Count), all.Count);
        Assert.Equal(all.Select(b => b.Key).Order(StringComparer.OrdinalIgnoreCase), all.Select(b => b.Key));
        Assert.Equal("RLHF", top[0].Key);
        Assert.StartsWith("Keyword:", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)response.Data["stats"]!["top"]![0]!["id"]!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsCountEachPaperOnceAndTopAuthorsMatchTheirPaperCounts()
    {
        var response = (await api.PostAsync("""
            { stats { papersPerSource { key count } topAuthors(first: 3) { key count } } authors(first: 3, order: [{ paperCount: DESC }]) { nodes { paperCount } } }
            """)).ShouldSucceed();

        await using var db = api.Database.CreateContext();
        var perList = await db.Mentions.Where(m => m.PaperId != null).Select(m => new { m.Source!.Name, m.PaperId }).Distinct()
            .GroupBy(m => m.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(perList.OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => ((string?)x.Key, x.Count)), Buckets(response.Data["stats"]!["papersPerSource"]!));
        Assert.Equal(
            response.Data["authors"]!["nodes"]!.AsArray().Select(n => (int)n!["paperCount"]!),
            Buckets(response.Data["stats"]!["topAuthors"]!).Select(b => b.Count));
    }

    [Fact]
    public async Task CodebasesPerHostAndOfficialCodeAddUp()
    {
        var response = (await api.PostAsync("""
            { stats { paperCount codebasesPerHost(first: 200) { key count } papersByOfficialCode { key count } } codebases { totalCount } }
            """)).ShouldSucceed();

        var stats = response.Data["stats"]!;
        Assert.Equal((int)response.Data["codebases"]!["totalCount"]!, Buckets(stats["codebasesPerHost"]!).Sum(b => b.Count));
        Assert.Equal("github.com", Buckets(stats["codebasesPerHost"]!)[0].Key);
        var official = Buckets(stats["papersByOfficialCode"]!);
        Assert.Equal(["true", "false"], official.Select(b => b.Key));
        Assert.Equal((int)stats["paperCount"]!, official.Sum(b => b.Count));
    }

    [Fact]
    public async Task EachAggregationIsOneStatementAndRepeatedQuestionsAreAnsweredWithoutRecountingTheCorpus()
    {
        // A filter no other test writes, so this test's questions are new to the cache.
        var query = $$"""
            { stats(where: { title: { neq: "{{Guid.NewGuid():N}}" } }) { paperCount papersPerYear { key count } papersPerVenue { count } papersPerKind { count } papersPerKeyword { count } papersPerSource { count } topAuthors { key count id } codebasesPerHost { count } papersByOfficialCode { count } } }
            """;
        var first = (await api.PostAsync(query)).ShouldSucceed();
        var second = (await api.PostAsync(query)).ShouldSucceed();
        var third = (await api.PostAsync(query)).ShouldSucceed();
        var unfiltered = (await api.PostAsync("{ stats { paperCount } papers(first: 0) { totalCount } }")).ShouldSucceed();

        // Which data this is (two key lookups), then one GROUP BY per aggregation…
        Assert.Equal(1 + 9, first.Statements);
        // …again on the second asking (answers enter the cache on their second use, so junk never fills it)…
        Assert.Equal(1 + 9, second.Statements);
        // …and from then on, until an import changes the data, only the lookup of which data it is.
        Assert.Equal(1, third.Statements);
        Assert.Equal(first.Data.ToJsonString(), third.Data.ToJsonString());
        Assert.Equal((int)unfiltered.Data["papers"]!["totalCount"]!, (int)unfiltered.Data["stats"]!["paperCount"]!);
    }

    [Fact]
    public async Task OutOfRangeFirstIsAClearError()
    {
        var response = await api.PostAsync("{ stats { topAuthors(first: 0) { key } } }");

        Assert.Equal("INVALID_ARGUMENT", (string)response.Errors![0]!["extensions"]!["code"]!);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteStatsTests(SqliteApiFactory api) : StatsTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerStatsTests(SqlServerApiFactory api) : StatsTests(api);
