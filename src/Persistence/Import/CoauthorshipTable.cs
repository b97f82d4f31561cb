using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Keeps the Coauthorships table equal to what the bylines say: for every two authors of one paper, both directions,
/// how many papers they share. It is written in the import's transaction, so readers see it change with the bylines,
/// and a failed import leaves it as it was. The same SQL runs on SQLite and SQL Server; where the importer inserts rows
/// itself (see <see cref="RowInserter"/>) the pairs are counted in memory and inserted in the table's key order instead.
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
        if (new RowInserter(db) is { IsAvailable: true } inserter)
        {
            // SQLite sorted every pair to group them (250k-item list: 8.2 million rows, 6.8 s of the import's one connection);
            // counted here and inserted already in key order, the connection spends 2–3 s (docs/benchmarks.md §13).
            inserter.Insert(Count(ReadBylines(db, ct)));
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers) {AggregateSql}", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The rows <see cref="AggregateSql"/> gives, from the bylines as (paper, author) pairs, in the table's key order: by
    /// author, most shared papers first, then by co-author.
    /// </summary>
    internal static IEnumerable<Coauthorship> Count(List<(int PaperId, int AuthorId)> bylines)
    {
        // Each paper's authors, and each author's papers, as ranges of two flat arrays.
        bylines.Sort();
        var authors = bylines.Select(b => b.AuthorId).ToArray();
        var paperIds = bylines.Select(b => b.PaperId).ToArray();
        var byAuthor = Enumerable.Range(0, bylines.Count).OrderBy(i => bylines[i].AuthorId).ThenBy(i => i).ToArray();
        bylines.Clear();

        var shared = new Dictionary<int, int>();
        var coauthors = new List<(int Coauthor, int Papers)>();
        for (var at = 0; at < byAuthor.Length;)
        {
            var author = authors[byAuthor[at]];
            shared.Clear();
            for (; at < byAuthor.Length && authors[byAuthor[at]] == author; at++)
            {
                // The paper's byline: its rows are contiguous around this one, the bylines being sorted by paper.
                var row = byAuthor[at];
                var paper = paperIds[row];
                var first = row;
                while (first > 0 && paperIds[first - 1] == paper) first--;
                for (var other = first; other < paperIds.Length && paperIds[other] == paper; other++)
                {
                    if (authors[other] != author) shared[authors[other]] = shared.GetValueOrDefault(authors[other]) + 1;
                }
            }

            coauthors.Clear();
            foreach (var (coauthor, papers) in shared) coauthors.Add((coauthor, papers));
            coauthors.Sort((x, y) => x.Papers != y.Papers ? y.Papers.CompareTo(x.Papers) : x.Coauthor.CompareTo(y.Coauthor));
            foreach (var (coauthor, papers) in coauthors) yield return new Coauthorship { AuthorId = author, CoauthorId = coauthor, SharedPapers = papers };
        }
    }

    private static List<(int PaperId, int AuthorId)> ReadBylines(RlhfGraphDbContext db, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "PaperId", "AuthorId" FROM "PaperAuthors" ORDER BY "PaperId", "AuthorId" """;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            using DbDataReader reader = command.ExecuteReader();
            var bylines = new List<(int, int)>();
            while (reader.Read()) bylines.Add((reader.GetInt32(0), reader.GetInt32(1)));
            return bylines;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}
