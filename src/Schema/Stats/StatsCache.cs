using RlhfGraph.Schema.Execution;

namespace RlhfGraph.Schema.Stats;

/// <summary>
/// Aggregations already computed, per database, data version (one more per import that changed anything), filter and
/// arguments. `stats` is not a per-parent read: each of its lists is one GROUP BY over every paper the filter keeps,
/// work that grows with the corpus. The data behind it changes only by an import, so a dashboard's repeated question
/// is answered from here; a new import (or another database file) is another key. Junk-proof and bounded like the
/// plan cache: a key enters on its second use, least recently used first out past <see cref="Budget"/> bytes.
/// </summary>
internal sealed class StatsCache
{
    /// <summary>Plenty for every dashboard's lists many times over (a list is at most 200 short buckets).</summary>
    public const long Budget = 4 * 1024 * 1024;

    private readonly AdmissionCache<string, object> _answers = new(() => Budget);

    public bool TryGet(string key, out object answer) => _answers.TryGet(key, out answer);

    public void Offer(string key, object answer) => _answers.Offer(key, answer, SizeOf(key, answer));

    private static long SizeOf(string key, object answer) =>
        256 + (2L * key.Length) + (answer is List<Bucket> buckets ? buckets.Sum(b => 96 + (2L * ((b.Key?.Length ?? 0) + (b.Id?.Length ?? 0)))) : 32);
}
