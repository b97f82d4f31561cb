using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;

namespace RlhfGraph.Schema.Authors;

/// <summary>A shortest co-authorship path: Papers[i] credits both Authors[i] and Authors[i + 1].</summary>
internal sealed record AuthorPath(IReadOnlyList<Author> Authors, IReadOnlyList<Paper> Papers);

/// <summary>
/// Shortest co-authorship paths by breadth-first search from both ends at once, one statement per
/// level over the Coauthorships table (by its primary key), always growing the smaller side. Bounded: at most
/// <see cref="MaxHops"/> levels and <see cref="MaxVisited"/> authors reached, so no request can walk the whole graph.
/// </summary>
internal static class AuthorPathFinder
{
    public const int MaxHops = 6;

    public const int MaxVisited = 5000;

    /// <summary>The path's author ids in order and, per hop, its paper's id; null when there is none within <paramref name="maxHops"/>.</summary>
    public static async Task<(List<int> Authors, List<int> Papers)?> FindAsync(RlhfGraphDbContext db, int from, int to, int maxHops, CancellationToken ct)
    {
        var ends = await db.Authors.Where(a => a.Id == from || a.Id == to).Select(a => a.Id).ToListAsync(ct).ConfigureAwait(false);
        if (!ends.Contains(from) || !ends.Contains(to)) return null;
        var chain = from == to ? [from] : await ChainAsync(db, from, to, maxHops, ct).ConfigureAwait(false);
        return chain is null ? null : (chain, await LinkingAsync(db, chain, ct).ConfigureAwait(false));
    }

    private static async Task<List<int>?> ChainAsync(RlhfGraphDbContext db, int from, int to, int maxHops, CancellationToken ct)
    {
        var forward = new Side(from);
        var backward = new Side(to);
        for (var hops = 0; hops < maxHops; hops++)
        {
            var (grow, other) = forward.Frontier.Count <= backward.Frontier.Count ? (forward, backward) : (backward, forward);
            var frontier = grow.Frontier;
            var edges = await db.Coauthorships.Where(c => frontier.Contains(c.AuthorId))
                .OrderBy(c => c.AuthorId).ThenBy(c => c.CoauthorId)
                .Select(c => new { c.AuthorId, c.CoauthorId })
                .ToListAsync(ct).ConfigureAwait(false);
            var next = new List<int>();
            (int Author, int Coauthor, int Length)? best = null;
            foreach (var edge in edges)
            {
                if (other.Parent.ContainsKey(edge.CoauthorId))
                {
                    var length = grow.Depth[edge.AuthorId] + 1 + other.Depth[edge.CoauthorId];
                    if (best is null || length < best.Value.Length) best = (edge.AuthorId, edge.CoauthorId, length);
                }

                if (grow.Parent.TryAdd(edge.CoauthorId, edge.AuthorId))
                {
                    grow.Depth[edge.CoauthorId] = grow.Depth[edge.AuthorId] + 1;
                    next.Add(edge.CoauthorId);
                }
            }

            if (best is { } meet)
            {
                var near = grow.PathTo(meet.Author);
                var far = other.PathTo(meet.Coauthor);
                far.Reverse();
                var chain = near.Concat(far).ToList();
                if (grow == backward) chain.Reverse();
                return chain;
            }

            if (next.Count == 0) return null;
            if (forward.Parent.Count + backward.Parent.Count > MaxVisited)
                throw new QueryError(QueryError.LimitExceeded, $"authorPath reached more than {MaxVisited} authors without meeting; ask with a smaller maxHops.");
            grow.Frontier = next;
        }

        return null;
    }

    /// <summary>Per hop, the newest paper both authors credit (lowest id on a tie).</summary>
    private static async Task<List<int>> LinkingAsync(RlhfGraphDbContext db, List<int> chain, CancellationToken ct)
    {
        if (chain.Count < 2) return [];
        var credits = await db.PaperAuthors.Where(l => chain.Contains(l.AuthorId))
            .Select(l => new { l.PaperId, l.AuthorId, l.Paper!.Year })
            .ToListAsync(ct).ConfigureAwait(false);
        var byAuthor = credits.GroupBy(c => c.AuthorId).ToDictionary(g => g.Key, g => g.ToList());
        return [.. chain.Zip(chain.Skip(1), (a, b) => byAuthor[a].Where(x => byAuthor[b].Any(y => y.PaperId == x.PaperId))
            .OrderByDescending(x => x.Year).ThenBy(x => x.PaperId).First().PaperId)];
    }

    private sealed class Side(int start)
    {
        public Dictionary<int, int> Parent { get; } = new() { [start] = start };

        public Dictionary<int, int> Depth { get; } = new() { [start] = 0 };

        public List<int> Frontier { get; set; } = [start];

        /// <summary>From this side's start to <paramref name="author"/>.</summary>
        public List<int> PathTo(int author)
        {
            var path = new List<int> { author };
            while (Parent[path[^1]] != path[^1]) path.Add(Parent[path[^1]]);
            path.Reverse();
            return path;
        }
    }
}
