using Microsoft.EntityFrameworkCore;
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
    /// Where the importer inserts rows itself (see <see cref="RowInserter"/>): takes the bylines (as the writer wrote them,
    /// else read now) and counts the pairs on a pool thread, while the connection goes on with other work (a first import's
    /// indexes). 250k-item list: counting takes 0.8 s there, where counting into row objects on the connection's own thread
    /// took 3.4 s of its path, and reading the bylines back ≈ 0.4 s more (docs/benchmarks.md §13). Null elsewhere. Give it to
    /// <see cref="RebuildAsync"/>.
    /// </summary>
    public static Task<Counted>? StartCounting(RlhfGraphDbContext db, WrittenGraph? written, CancellationToken ct)
    {
        if (!new RowInserter(db).IsAvailable) return null;
        ct.ThrowIfCancellationRequested();
        var bylines = written?.BylinePairs() ?? ConnectionRows.Read(db, """SELECT "PaperId", "AuthorId" FROM "PaperAuthors" ORDER BY "PaperId", "AuthorId" """,
            r => (r.GetInt32(0), r.GetInt32(1)));
        return Task.Run(() => Counted.Of(bylines), ct);
    }

    /// <summary>
    /// Recomputes the whole table from the bylines. Whole rather than per changed paper: one grouped pass over
    /// PaperAuthors costs about as much as the import's own read of that table (see docs/benchmarks.md), and it
    /// cannot miss a change that reached the bylines another way (a paper's deletion cascading to its byline).
    /// <paramref name="counting"/> is what <see cref="StartCounting"/> gave, in the same transaction with no byline written
    /// since; null: the SQL statement counts.
    /// </summary>
    public static async Task RebuildAsync(RlhfGraphDbContext db, Task<Counted>? counting, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM Coauthorships", ct).ConfigureAwait(false);
        if (counting is not null)
        {
            // SQLite sorts every pair of every byline to group them (250k-item list: 8.2 million rows, 7.7 s of the import's one
            // connection); counted in memory and inserted in key order, 64 rows a statement: 4.6 s (docs/benchmarks.md §13).
            var counted = await counting.ConfigureAwait(false);
            // The row objects made on another thread while this one steps SQLite, as the writer's links are.
            new RowInserter(db).Insert(ReadAhead.InChunks(counted.Rows()));
            return;
        }

        await db.Database.ExecuteSqlRawAsync($"INSERT INTO Coauthorships (AuthorId, CoauthorId, SharedPapers) {AggregateSql}", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The rows <see cref="AggregateSql"/> gives, from the bylines as (paper, author) pairs, in the table's key order: by
    /// author, most shared papers first, then by co-author.
    /// </summary>
    internal static IEnumerable<Coauthorship> Count(List<(int PaperId, int AuthorId)> bylines) => Counted.Of(bylines).Rows();

    /// <summary>
    /// The counted pairs, three ints a row in chunks of a million rows, in the table's key order (8.2 million rows: 98 MB,
    /// where as entities they were 330; chunks, so neither a guess at the size nor a copy as it grows).
    /// </summary>
    internal sealed class Counted
    {
        private const int ChunkBits = 20;
        private const int ChunkRows = 1 << ChunkBits;

        private readonly List<int[]> _chunks = [];
        private int _count;

        /// <summary>The rows one at a time, for the inserter to stream.</summary>
        public IEnumerable<Coauthorship> Rows()
        {
            for (var i = 0; i < _count; i++)
            {
                var chunk = _chunks[i >> ChunkBits];
                var at = (i & (ChunkRows - 1)) * 3;
                yield return new Coauthorship { AuthorId = chunk[at], CoauthorId = chunk[at + 1], SharedPapers = chunk[at + 2] };
            }
        }

        private void Add(int author, int coauthor, int shared)
        {
            var at = (_count & (ChunkRows - 1)) * 3;
            if (at == 0) _chunks.Add(new int[ChunkRows * 3]);
            var chunk = _chunks[^1];
            (chunk[at], chunk[at + 1], chunk[at + 2]) = (author, coauthor, shared);
            _count++;
        }

        public static Counted Of(List<(int PaperId, int AuthorId)> bylines)
        {
            // Each paper's byline as a range of one flat array (sorted by paper), and each author's rows by a counting sort over
            // the author ids, which are the Authors table's dense keys: no hashing and no comparisons for 1.2 million rows.
            bylines.Sort();
            var rows = bylines.Count;
            var authors = new int[rows];
            var papers = new int[rows];
            var paperStart = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                (papers[i], authors[i]) = bylines[i];
                paperStart[i] = i > 0 && papers[i - 1] == papers[i] ? paperStart[i - 1] : i;
            }

            bylines.Clear();
            var maxAuthor = rows == 0 ? -1 : authors.Max();
            var authorStart = new int[maxAuthor + 2];
            foreach (var author in authors) authorStart[author + 1]++;
            for (var a = 0; a <= maxAuthor; a++) authorStart[a + 1] += authorStart[a];
            var byAuthor = new int[rows];
            var next = authorStart[..^1];
            for (var i = 0; i < rows; i++) byAuthor[next[authors[i]]++] = i;

            var counted = new Counted();
            var shared = new int[maxAuthor + 1];
            var coauthors = new List<int>();
            // Most shared papers first, then by co-author: the table's key order.
            Comparison<int> keyOrder = (x, y) => shared[x] != shared[y] ? shared[y].CompareTo(shared[x]) : x.CompareTo(y);
            for (var author = 0; author <= maxAuthor; author++)
            {
                for (var at = authorStart[author]; at < authorStart[author + 1]; at++)
                {
                    var row = byAuthor[at];
                    for (var other = paperStart[row]; other < rows && papers[other] == papers[row]; other++)
                    {
                        var coauthor = authors[other];
                        if (coauthor != author && shared[coauthor]++ == 0) coauthors.Add(coauthor);
                    }
                }

                if (coauthors.Count == 0) continue;
                coauthors.Sort(keyOrder);
                foreach (var coauthor in coauthors)
                {
                    counted.Add(author, coauthor, shared[coauthor]);
                    shared[coauthor] = 0;
                }

                coauthors.Clear();
            }

            return counted;
        }
    }
}
