using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Schema.Stats;

/// <summary>GROUP BY in SQL: counts per key, ordered and cut to the top N by the database, never in memory.</summary>
internal static class Buckets
{
    /// <summary>Rows per group; with <paramref name="distinct"/>, distinct members per group (papers per list, where a list may mention a paper twice).</summary>
    public static async Task<List<Counted<TKey>>> CountAsync<TKey>(IQueryable<Grouping<TKey>> rows, BucketOrder order, int first, CancellationToken ct, bool distinct = false)
    {
        if (distinct) rows = rows.Distinct();
        var groups = rows.GroupBy(r => new { r.Key, r.EntityId })
            .Select(g => new Counted<TKey> { Key = g.Key.Key, EntityId = g.Key.EntityId, Count = g.Count() });
        var ordered = order switch
        {
            BucketOrder.CountAsc => groups.OrderBy(g => g.Count).ThenBy(g => g.Key),
            BucketOrder.KeyAsc => groups.OrderBy(g => g.Key).ThenByDescending(g => g.Count),
            BucketOrder.KeyDesc => groups.OrderByDescending(g => g.Key).ThenByDescending(g => g.Count),
            _ => groups.OrderByDescending(g => g.Count).ThenBy(g => g.Key),
        };
        return await ordered.ThenBy(g => g.EntityId).Take(first).ToListAsync(ct).ConfigureAwait(false);
    }
}
