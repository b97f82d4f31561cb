using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Api;

/// <summary>The number of SQL statements depends on the query's shape, never on page sizes or data.</summary>
public abstract class StatementCountTests(ApiFactory api) : DatabaseTests(api)
{
    private const string ExampleQuery = """
        query ($n: Int!) {
          papers(first: $n) {
            nodes {
              title
              authors(first: 20) { nodes { name papers(first: 5) { nodes { title } } } }
              codebases { nodes { url } }
              datasets { nodes { name } }
            }
          }
        }
        """;

    [Fact]
    public async Task TheNestedExampleQueryCostsTheSameAtFiveAndFiftyPapers()
    {
        var five = (await api.PostAsync(ExampleQuery, new { n = 5 })).ShouldSucceed();
        var fifty = (await api.PostAsync(ExampleQuery, new { n = 50 })).ShouldSucceed();

        Assert.Equal(5, five.Data["papers"]!["nodes"]!.AsArray().Count);
        Assert.Equal(50, fifty.Data["papers"]!["nodes"]!.AsArray().Count);
        // One plan, one statement: the nested lists are correlated subqueries of the papers' statement.
        Assert.Equal(1, five.Statements);
        Assert.Equal(five.Statements, fifty.Statements);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public async Task ScalarListsAndMentionsAreOneStatementPerFieldWhateverThePageSize(int n)
    {
        var response = (await api.PostAsync("""
            query ($n: Int!) { papers(first: $n) { totalCount nodes { keywords mentions { source { name } line } } } }
            """, new { n })).ShouldSucceed();

        // papers with their count (one statement), keywords, mentions, mention sources.
        Assert.Equal(4, response.Statements);
    }

    [Fact]
    public async Task NestedPagingWithFiltersAndCursorsStaysBatched()
    {
        const string query = """
            query ($n: Int!) {
              authors(first: $n, order: [{ paperCount: DESC }]) {
                nodes {
                  papers(first: 2, where: { year: { gte: 2020 } }, order: [{ title: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { title } }
                  coauthors(first: 3) { nodes { name } }
                }
              }
            }
            """;
        var small = (await api.PostAsync(query, new { n = 3 })).ShouldSucceed();
        var large = (await api.PostAsync(query, new { n = 60 })).ShouldSucceed();

        Assert.Equal(small.Statements, large.Statements);
        Assert.Equal(1, small.Statements);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class SqliteStatementCountTests(SqliteApiFactory api) : StatementCountTests(api);

[Collection(SqlServerApiCollection.Name)]
public sealed class SqlServerStatementCountTests(SqlServerApiFactory api) : StatementCountTests(api);
