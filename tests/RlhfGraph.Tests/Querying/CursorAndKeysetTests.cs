using System.Linq.Expressions;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Papers;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Paging;
using RlhfGraph.Schema.Querying.Sorting;

namespace RlhfGraph.Tests.Querying;

/// <summary>Keyset cursors: encoding, refusal of foreign cursors, and the "rows beyond this one" predicate, including NULL keys.</summary>
public sealed class CursorAndKeysetTests
{
    private static readonly List<Paper> Papers =
    [
        .. new (int Id, int? Year, string Title)[] { (1, 2023, "b"), (2, null, "a"), (3, 2021, "c"), (4, 2023, "a"), (5, null, "d"), (6, 2022, "a") }
            .Select(p => new Paper { Id = p.Id, Year = p.Year, Title = p.Title, Key = $"k{p.Id}", TitleKey = p.Title, Kind = PaperKind.Paper }),
    ];

    [Fact]
    public void ACursorRoundTripsItsTypedValues()
    {
        var cursor = Cursor.Encode("year:desc,id", [2023, 7]);

        Assert.Equal(new object?[] { 2023, 7 }, Cursor.Decode(cursor, "after", "year:desc,id", [typeof(int?), typeof(int)]));
        Assert.Equal(new object?[] { null, 7 }, Cursor.Decode(Cursor.Encode("year:desc,id", [null, 7]), "after", "year:desc,id", [typeof(int?), typeof(int)]));
    }

    [Theory]
    [InlineData("title,id")]
    [InlineData("year,id")]
    public void ACursorOfAnotherOrderIsRefused(string signature)
    {
        var cursor = Cursor.Encode("year:desc,id", [2023, 7]);

        Assert.Equal(QueryError.InvalidCursor, Assert.Throws<QueryError>(() => Cursor.Decode(cursor, "after", signature, [typeof(int?), typeof(int)])).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("WzEsMl0=")]
    [InlineData("WyJ5ZWFyOmRlc2MsaWQiLCJub3QgYSBudW1iZXIiLDdd")]
    public void GarbageIsNotACursor(string cursor) =>
        Assert.Throws<QueryError>(() => Cursor.Decode(cursor, "after", "year:desc,id", [typeof(int?), typeof(int)]));

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void BeyondSelectsExactlyTheRowsAfterTheCursorRowInEitherDirection(bool descending, bool forward)
    {
        var order = SortOrder.Create(PaperType.Model, new List<object?> { new Dictionary<string, object?> { ["year"] = descending } },
            (Expression<Func<Paper, Paper>>)(p => p), [], (Expression<Func<Paper, int>>)(p => p.Id));
        // The in-memory order the database uses: NULLs lowest, id last.
        var sorted = (descending
            ? Papers.OrderByDescending(p => p.Year ?? int.MinValue).ThenBy(p => p.Id)
            : Papers.OrderBy(p => p.Year ?? int.MinValue).ThenBy(p => p.Id)).ToList();

        for (var at = 0; at < sorted.Count; at++)
        {
            var beyond = (Func<Paper, bool>)Keyset.Beyond(order, [sorted[at].Year, sorted[at].Id], forward).Compile();
            var expected = forward ? sorted.Skip(at + 1) : sorted.Take(at);
            Assert.Equal(expected.Select(p => p.Id).Order(), Papers.Where(beyond).Select(p => p.Id).Order());
        }
    }
}
