using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Keeps the Coauthorships table equal to what the bylines say: for every two authors of one paper, both directions,
/// how many papers they share. It is written in the import's transaction, so readers see it change with the bylines,
/// and a failed import leaves it as it was. The same SQL runs on SQLite and SQL Server.
/// </summary>
internal static class CoauthorshipTable
{
    /// <summary>The pairs and their counts, computed from PaperAuthors (what the old view answered per request).</summary>
    public const string AggregateSql = """
        SELECT mine.AuthorId, theirs.AuthorId, COUNT(*)
        FROM PaperAuthors mine
        JOIN PaperAuthors theirs ON theirs.PaperId = mine.PaperId AND theirs.AuthorId <> mine.AuthorId
        GROUP BY mine.AuthorId, theirs.AuthorId
        """;

    /// <summary>
    /// Recomputes the whole table from the bylines. Whole rather than per changed paper: one grouped pass over
    /// PaperAuthors costs about as much as the import's own read of that table (see docs/benchmarks.md), and it
    /// cannot miss a change that reached the bylines another way (a paper's deletion cascading to its byline).
    /// </summary>
    public static async Task RebuildAsync(RlhfGraphDbContext db, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM Coauthorships", ct).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers) {AggregateSql}", ct).ConfigureAwait(false);
    }
}
