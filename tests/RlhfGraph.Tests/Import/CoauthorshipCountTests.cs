using RlhfGraph.Persistence.Import;

namespace RlhfGraph.Tests.Import;

/// <summary>The in-memory count of co-authorships the SQLite importer inserts (the table itself: CoauthorshipTableTests).</summary>
public sealed class CoauthorshipCountTests
{
    [Fact]
    public void PairsAreCountedBothWaysAndComeInTheTablesKeyOrder()
    {
        // Paper 10: authors 1, 2, 3; paper 20: 1 and 2; paper 30: 3 alone. Given in no particular order.
        List<(int PaperId, int AuthorId)> bylines = [(20, 2), (10, 3), (30, 3), (10, 1), (20, 1), (10, 2)];

        var rows = CoauthorshipTable.Count(bylines).Select(c => (c.AuthorId, c.CoauthorId, c.SharedPapers)).ToList();

        // By author, most shared papers first, then by co-author: (AuthorId, SharedPapers DESC, CoauthorId).
        Assert.Equal([(1, 2, 2), (1, 3, 1), (2, 1, 2), (2, 3, 1), (3, 1, 1), (3, 2, 1)], rows);
    }

    [Fact]
    public void AnAuthorAloneOnEveryPaperHasNoCoauthors()
    {
        Assert.Empty(CoauthorshipTable.Count([(1, 7), (2, 7), (3, 8)]));
    }

    [Fact]
    public void MoreRowsThanOneChunkHoldsComeBackWholeAndInOrder()
    {
        // Paper 1: authors 1..1100, so 1 100 × 1 099 = 1 208 900 pairs, past the first chunk of 2^20 rows; paper 2 adds a
        // second shared paper for authors 1..3, which moves their pairs among themselves to the front of their rows.
        List<(int PaperId, int AuthorId)> bylines = [.. Enumerable.Range(1, 1100).Select(a => (1, a)), (2, 1), (2, 2), (2, 3)];

        var rows = CoauthorshipTable.Count(bylines).Select(c => (c.AuthorId, c.CoauthorId, c.SharedPapers)).ToList();

        var expected = (from author in Enumerable.Range(1, 1100)
                        from coauthor in Enumerable.Range(1, 1100)
                        where coauthor != author
                        let shared = author <= 3 && coauthor <= 3 ? 2 : 1
                        orderby author, shared descending, coauthor
                        select (author, coauthor, shared)).ToList();
        Assert.Equal(1_208_900, rows.Count);
        Assert.Equal(expected, rows);
    }
}
