using System.Text.Json;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Entities;
using RlhfGraph.Schema.Querying;
using RlhfGraph.Schema.Querying.Planning;
using RlhfGraph.Schema.Querying.Sql;

namespace RlhfGraph.Schema.Authors;

/// <summary>A shortest co-authorship path: Papers[i] credits both Authors[i] and Authors[i + 1].</summary>
internal sealed record AuthorPath(IReadOnlyList<Author> Authors, IReadOnlyList<Paper> Papers);

/// <summary>
/// Shortest co-authorship paths by breadth-first search from both ends at once, one statement per level over the
/// Coauthorships table (by its primary key: the frontier's rows only), always growing the smaller side; then one
/// statement for the paper of every hop. Bounded: at most <see cref="MaxHops"/> levels and <see cref="MaxVisited"/>
/// authors reached, so no request can walk the whole graph. The statements are written per database by the dialect,
/// run as planned statements are, and shown to the plan observers (the tests' T-SQL and query plan checks).
/// </summary>
internal static class AuthorPathFinder
{
    public const int MaxHops = 6;

    public const int MaxVisited = 5000;

    /// <summary>
    /// The path's author ids in order and, per hop, its paper's id; null when there is none within <paramref name="maxHops"/>
    /// (an end that is no author has no co-authors: its side stops the search at its first level; a path from an id to
    /// itself is known without a statement, and the lookup of its authors says whether the author exists).
    /// </summary>
    public static async Task<(List<int> Authors, List<int> Papers)?> FindAsync(IServiceProvider services, RlhfGraphDbContext db, int from, int to, int maxHops, CancellationToken ct)
    {
        var chain = from == to ? [from] : await ChainAsync(services, db, from, to, maxHops, ct).ConfigureAwait(false);
        return chain is null ? null : (chain, await LinkingAsync(services, db, chain, ct).ConfigureAwait(false));
    }

    private static async Task<List<int>?> ChainAsync(IServiceProvider services, RlhfGraphDbContext db, int from, int to, int maxHops, CancellationToken ct)
    {
        var forward = new Side(from);
        var backward = new Side(to);
        for (var hops = 0; hops < maxHops; hops++)
        {
            var (grow, other) = forward.Frontier.Count <= backward.Frontier.Count ? (forward, backward) : (backward, forward);
            var frontier = grow.Frontier;
            var next = new List<int>();
            (int Author, int Coauthor, int Length)? best = null;
            using (var edges = await RunAsync(services, db, dialect => Level(dialect, frontier), ct).ConfigureAwait(false))
            {
                foreach (var edge in edges.RootElement.EnumerateArray())
                {
                    var (author, coauthor) = (edge.GetProperty("a").GetInt32(), edge.GetProperty("b").GetInt32());
                    if (other.Parent.ContainsKey(coauthor))
                    {
                        var length = grow.Depth[author] + 1 + other.Depth[coauthor];
                        if (best is null || length < best.Value.Length) best = (author, coauthor, length);
                    }

                    if (grow.Parent.TryAdd(coauthor, author))
                    {
                        grow.Depth[coauthor] = grow.Depth[author] + 1;
                        next.Add(coauthor);
                    }
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

    /// <summary>Per hop, the newest paper both authors credit (lowest id on a tie), in one statement.</summary>
    private static async Task<List<int>> LinkingAsync(IServiceProvider services, RlhfGraphDbContext db, List<int> chain, CancellationToken ct)
    {
        if (chain.Count < 2) return [];
        using var papers = await RunAsync(services, db, dialect => Linking(dialect, chain), ct).ConfigureAwait(false);
        return [.. papers.RootElement.EnumerateArray().Select(hop => hop.GetProperty("p").GetInt32())];
    }

    /// <summary>The co-authorships of the frontier (a JSON array parameter): [{ a: author, b: co-author }] by (a, b).</summary>
    private static CompiledStatement Level(SqlDialect dialect, IReadOnlyCollection<int> frontier)
    {
        var sql = new SqlBuilder(dialect);
        var ids = sql.Parameter(JsonSerializer.Serialize(frontier));
        var (c, author, coauthor) = (dialect.Quote("c"), dialect.Quote("AuthorId"), dialect.Quote("CoauthorId"));
        var rows = $"SELECT {c}.{author} AS a, {c}.{coauthor} AS b FROM {dialect.Quote("Coauthorships")} {c} WHERE {dialect.InJsonArray($"{c}.{author}", ids, numeric: true)}";
        var (text, parameters) = sql.Finish(dialect.JsonRows(rows, "w", ["a", "b"], "w.a, w.b"));
        return new CompiledStatement(text, parameters, []);
    }

    /// <summary>Per hop of the chain (a JSON array parameter), its paper: [{ k: hop, p: paper }] by hop.</summary>
    private static CompiledStatement Linking(SqlDialect dialect, IReadOnlyCollection<int> chain)
    {
        var sql = new SqlBuilder(dialect);
        var ids = sql.Parameter(JsonSerializer.Serialize(chain));
        string Q(string name) => dialect.Quote(name);
        var credits = $"{Q("PaperAuthors")} l INNER JOIN {Q("PaperAuthors")} m ON m.{Q("PaperId")} = l.{Q("PaperId")} INNER JOIN {Q("Papers")} p ON p.{Q("Id")} = l.{Q("PaperId")}";
        var paper = dialect.First($"l.{Q("PaperId")}", credits, $"l.{Q("AuthorId")} = x.v AND m.{Q("AuthorId")} = y.v", $"p.{Q("Year")} DESC, l.{Q("PaperId")}");
        var rows = $"SELECT x.k AS k, {paper} AS p FROM {dialect.IntElements(ids)} x INNER JOIN {dialect.IntElements(ids)} y ON y.k = x.k + 1";
        var (text, parameters) = sql.Finish(dialect.JsonRows(rows, "w", ["k", "p"], "w.k"));
        return new CompiledStatement(text, parameters, []);
    }

    /// <summary>Shows the statement to the plan observers, then runs it for the context's database.</summary>
    private static Task<JsonDocument> RunAsync(IServiceProvider services, RlhfGraphDbContext db, Func<SqlDialect, CompiledStatement> statement, CancellationToken ct)
    {
        Lookups.Observe(services, [], (_, dialect) => statement(dialect));
        return PlannedRead.QueryJsonAsync(db, statement(PlannedRead.Dialect(db)), ct);
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
