using Microsoft.EntityFrameworkCore;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>Multi-key sorting, and forward and backward keyset paging across whole result sets.</summary>
public abstract class SortingAndPagingTests(ApiFactory api) : DatabaseTests(api)
{
    [Fact]
    public async Task SeveralSortKeysApplyInOrderWithTheIdAsFinalTieBreaker()
    {
        var nodes = await api.AllNodesAsync("paper", "id year title", order: new object[] { new { year = "DESC" }, new { title = "ASC" } });

        await using var db = api.Database.CreateContext();
        var expected = (await db.Papers.Select(p => new { p.Id, p.Year, p.Title }).ToListAsync())
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            .Select(p => p.Title).ToList();
        Assert.Equal(expected, nodes.Select(n => (string)n["title"]!).ToList());
    }

    [Theory]
    [InlineData("title", "ASC")]
    [InlineData("year", "DESC")]
    [InlineData("citationCount", "DESC")]
    [InlineData("kind", "ASC")]
    [InlineData("venue", "ASC")]
    [InlineData("arxivId", "DESC")]
    public async Task PagingForwardInSmallPagesVisitsEveryPaperOnceInOrder(string key, string direction)
    {
        var order = new object[] { new Dictionary<string, string> { [key] = direction } };
        var whole = await api.AllNodesAsync("paper", "id", order: order);
        var paged = await WalkAsync(forward: true, pageSize: 7, order);

        Assert.Equal(whole.Select(n => (string)n["id"]!), paged);
        await using var db = api.Database.CreateContext();
        Assert.Equal(await db.Papers.CountAsync(), paged.Distinct().Count());
    }

    [Theory]
    [InlineData("title", "ASC")]
    [InlineData("year", "DESC")]
    [InlineData("citationCount", "ASC")]
    public async Task PagingBackwardFromTheEndVisitsTheSameSequence(string key, string direction)
    {
        var order = new object[] { new Dictionary<string, string> { [key] = direction } };
        var forward = await WalkAsync(forward: true, pageSize: 9, order);
        var backward = await WalkAsync(forward: false, pageSize: 9, order);

        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task PageInfoAndTotalCountAreExactAndFollowTheFilter()
    {
        var where = new { year = new { gte = 2023 } };
        var first = (await api.PostAsync("""
            query ($where: PaperFilterInput) { papers(first: 5, where: $where) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }
            """, new { where })).ShouldSucceed().Data["papers"]!;
        var second = (await api.PostAsync("""
            query ($where: PaperFilterInput, $after: String) { papers(first: 5, after: $after, where: $where) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor } } }
            """, new { where, after = (string)first["pageInfo"]!["endCursor"]! })).ShouldSucceed().Data["papers"]!;

        await using var db = api.Database.CreateContext();
        var total = await db.Papers.CountAsync(p => p.Year >= 2023);
        Assert.Equal(total, (int)first["totalCount"]!);
        Assert.Equal(total, (int)second["totalCount"]!);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        Assert.False((bool)first["pageInfo"]!["hasPreviousPage"]!);
        Assert.True((bool)second["pageInfo"]!["hasPreviousPage"]!);
        Assert.Equal((string)first["edges"]![0]!["cursor"]!, (string)first["pageInfo"]!["startCursor"]!);
    }

    [Fact]
    public async Task NestedListsPageWithTheirOwnCursors()
    {
        const string query = """
            query ($after: String) { paperByArxivId(arxivId: "2307.15217") { authors(first: 10, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } } }
            """;
        var names = new List<string>();
        string? after = null;
        int total;
        do
        {
            var authors = (await api.PostAsync(query, new { after })).ShouldSucceed().Data["paperByArxivId"]!["authors"]!;
            total = (int)authors["totalCount"]!;
            names.AddRange(authors["nodes"]!.AsArray().Select(n => (string)n!["name"]!));
            after = (bool)authors["pageInfo"]!["hasNextPage"]! ? (string)authors["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);

        // 000:38 "Open Problems and Fundamental Limitations of RLHF": 32 authors in byline order.
        Assert.Equal(total, names.Count);
        Assert.Equal("Stephen Casper", names[0]);
        Assert.Equal("Dylan Hadfield-Menell", names[^1]);
    }

    [Theory]
    [InlineData("first: -1", "HC0079")]
    [InlineData("first: 101", "HC0051")]
    [InlineData("last: 99999999", "HC0051")]
    [InlineData("last: -1", "HC0079")]
    public async Task PageSizesOutsideTheLimitsAreErrorsNotClamped(string arguments, string code)
    {
        // HotChocolate's ErrorCodes.Paging (src/HotChocolate/Core/src/Abstractions/ErrorCodes.cs): MaxPaginationItems, MinPaginationItems.
        var response = await api.PostAsync($"{{ papers({arguments}) {{ totalCount }} }}");

        Assert.Equal(code, (string)response.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("WyJ4Il0=")]
    [InlineData("bm9wZQ==")]
    public async Task GarbageCursorsAreClearErrors(string cursor)
    {
        var response = await api.PostAsync("query ($c: String) { papers(first: 5, after: $c) { totalCount } }", new { c = cursor });

        Assert.Equal("HC0078", (string)response.Errors![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task ACursorFromAnotherOrderIsRefusedWithAnExplanation()
    {
        var byTitle = (await api.PostAsync("{ papers(first: 2, order: [{ title: ASC }]) { pageInfo { endCursor } } }")).ShouldSucceed();
        var cursor = (string)byTitle.Data["papers"]!["pageInfo"]!["endCursor"]!;

        var byYear = await api.PostAsync("query ($c: String) { papers(first: 2, after: $c, order: [{ year: ASC }]) { totalCount } }", new { c = cursor });

        var error = byYear.Errors![0]!;
        Assert.Equal("HC0078", (string)error["extensions"]!["code"]!);
        Assert.Contains("another sort order", (string)error["message"]!, StringComparison.Ordinal);
    }

    private async Task<List<string>> WalkAsync(bool forward, int pageSize, object order)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 200; page++)
        {
            var query = forward
                ? "query ($c: String, $o: [PaperSortInput!], $n: Int) { papers(first: $n, after: $c, order: $o) { nodes { id } pageInfo { hasNextPage endCursor } } }"
                : "query ($c: String, $o: [PaperSortInput!], $n: Int) { papers(last: $n, before: $c, order: $o) { nodes { id } pageInfo { hasPreviousPage startCursor } } }";
            var connection = (await api.PostAsync(query, new { c = cursor, o = order, n = pageSize })).ShouldSucceed().Data["papers"]!;
            var pageIds = connection["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
            Assert.InRange(pageIds.Count, 1, pageSize);
            if (forward) ids.AddRange(pageIds);
            else ids.InsertRange(0, pageIds);
            var info = connection["pageInfo"]!;
            if (!(bool)info[forward ? "hasNextPage" : "hasPreviousPage"]!) return ids;
            cursor = (string)info[forward ? "endCursor" : "startCursor"]!;
        }

        throw new InvalidOperationException("Paging did not end.");
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteSortingAndPagingTests(SqliteApiFactory api) : SortingAndPagingTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerSortingAndPagingTests(SqlServerApiFactory api) : SortingAndPagingTests(api);
