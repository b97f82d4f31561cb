using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Authors;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Filtering;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Querying;

/// <summary>The where → expression translation on its own, without HTTP or a schema.</summary>
public sealed class FilterExpressionBuilderTests
{
    private static readonly Paper Dpo = new()
    {
        Id = 1, Key = "arxiv:2305.18290", Title = "Direct Preference Optimization", TitleKey = "direct preference optimization", Year = 2023, Kind = PaperKind.Paper,
        HasOfficialCode = false, Authors = [new PaperAuthor { Author = new Author { Key = "chelsea finn", Name = "Chelsea Finn", Kind = AuthorKind.Person } }],
    };

    private static readonly Paper Gpt4 = new()
    {
        Id = 2, Key = "arxiv:2303.08774", Title = "GPT-4 Technical Report", TitleKey = "gpt 4 technical report", Year = 2023, Kind = PaperKind.TechnicalReport,
        HasOfficialCode = true, Authors = [new PaperAuthor { Author = new Author { Key = "openai", Name = "OpenAI", Kind = AuthorKind.Organization } }],
    };

    private static readonly Paper Undated = new() { Id = 3, Key = "title:x", Title = "Untitled talk", TitleKey = "untitled talk", Kind = PaperKind.Talk };

    private static List<int> Matching(object where)
    {
        var predicate = FilterExpressionBuilder.Build<Paper>(PaperType.Model, where)!.Compile();
        return [.. new[] { Dpo, Gpt4, Undated }.Where(predicate).Select(p => p.Id)];
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void NoFilterIsNoPredicate() => Assert.Null(FilterExpressionBuilder.Build<Paper>(PaperType.Model, null));

    [Fact]
    public void IntComparisonsTreatAbsentValuesAsCSharpDoes()
    {
        Assert.Equal([1, 2], Matching(Map(("year", Map(("gte", 2023))))));
        Assert.Equal([3], Matching(Map(("year", Map(("ngte", 2023))))));
        Assert.Equal([3], Matching(Map(("year", Map(("eq", null))))));
    }

    [Fact]
    public void EnumBooleanAndListOperatorsCompose()
    {
        Assert.Equal([2], Matching(Map(("kind", Map(("in", new List<object?> { PaperKind.TechnicalReport, PaperKind.Survey }))))));
        Assert.Equal([1, 3], Matching(Map(("hasOfficialCode", Map(("neq", true))))));
        Assert.Equal([2], Matching(Map(("authors", Map(("some", Map(("kind", Map(("eq", AuthorKind.Organization))))))))));
        Assert.Equal([3], Matching(Map(("authors", Map(("any", false))))));
        Assert.Equal([1, 2, 3], Matching(Map(("and", new List<object?>()))));
        Assert.Equal([], Matching(Map(("or", new List<object?>()))));
        Assert.Equal([], Matching(Map(("year", Map(("in", new List<object?>()))))));
    }

    [Fact]
    public void AnUnknownFieldIsAnInvalidFilter()
    {
        var error = Assert.Throws<QueryError>(() => FilterExpressionBuilder.Build<Paper>(PaperType.Model, Map(("nope", Map(("eq", 1))))));

        Assert.Equal(QueryError.InvalidFilter, error.Code);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiltersNestedTooDeeplyAreRefused()
    {
        object where = Map(("title", Map(("eq", "x"))));
        for (var i = 0; i < FilterExpressionBuilder.MaxDepth + 1; i++) where = Map(("and", new List<object?> { where }));

        Assert.Equal(QueryError.InvalidFilter, Assert.Throws<QueryError>(() => FilterExpressionBuilder.Build<Paper>(PaperType.Model, where)).Code);
    }

    [Fact]
    public void OverlongTextIsRefused() =>
        Assert.Throws<QueryError>(() => FilterExpressionBuilder.Build<Paper>(PaperType.Model, Map(("title", Map(("contains", new string('x', FilterExpressionBuilder.MaxTextLength + 1)))))));

    [Theory]
    [InlineData("100%", @"100\%")]
    [InlineData("a_b", @"a\_b")]
    [InlineData("[x]", @"\[x]")]
    [InlineData(@"C:\path", @"C:\\path")]
    public void LikeWildcardsAreEscaped(string text, string escaped) => Assert.Equal(escaped, FilterExpressionBuilder.EscapeLike(text));

    [Fact]
    public async Task TextOperatorsBecomeParameterizedLikeInSql()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var byAuthor = Map(("some", Map(("name", Map(("startsWith", "chel"))))));
        var where = Map(("title", Map(("contains", "50%'; DROP TABLE Papers"))), ("authors", byAuthor));

        var sql = db.Papers.Where(FilterExpressionBuilder.Build<Paper>(PaperType.Model, where)!).ToQueryString();

        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("ESCAPE '\\'", sql, StringComparison.Ordinal);
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP TABLE Papers'", sql.Split('\n').Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void AuthorFiltersReachPapersTheOtherWay()
    {
        var where = Map(("papers", Map(("some", Map(("year", Map(("eq", 2023))))))));
        var predicate = FilterExpressionBuilder.Build<Author>(AuthorType.Model, where)!.Compile();
        var finn = new Author { Key = "chelsea finn", Name = "Chelsea Finn", Papers = [new PaperAuthor { Paper = Dpo }] };
        var nobody = new Author { Key = "x", Name = "Nobody" };

        Assert.True(predicate(finn));
        Assert.False(predicate(nobody));
    }
}
