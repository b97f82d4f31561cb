using System.Collections.Concurrent;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// A cache bounded by bytes that junk cannot fill: a key is admitted only on its second use (a bounded set of hashes
/// remembers first uses), so a flood of distinct keys never enters it and cannot push out what real clients repeat;
/// when over budget, the least recently used go first. GraphQL.MemoryCache would do the caching part but is not
/// available here.
/// </summary>
internal sealed class AdmissionCache<TKey, TValue>(Func<long> budget)
    where TKey : notnull
{
    /// <summary>First uses remembered (4 bytes each plus the dictionary's overhead); past this the set starts again.</summary>
    internal const int SeenCapacity = 8192;

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, byte> _seen = new();
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _clock;

    internal int Count => _entries.Count;

    internal long Bytes => Interlocked.Read(ref _bytes);

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Offers a value for <paramref name="key"/>: kept only if the key was offered before and fits.</summary>
    public void Offer(TKey key, TValue value, long size)
    {
        if (!SeenBefore(key)) return;
        var limit = budget();
        if (size > limit / 4) return;  // one entry never takes a large share
        if (!_entries.TryAdd(key, new Entry(value, size) { LastUsed = Interlocked.Increment(ref _clock) })) return;
        if (Interlocked.Add(ref _bytes, size) <= limit) return;
        lock (_evicting)
        {
            // Over budget: drop the least recently used until it fits (rare, and over a few thousand entries at most).
            foreach (var (old, entry) in _entries.OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (Interlocked.Read(ref _bytes) <= limit) break;
                if (_entries.TryRemove(old, out var removed)) Interlocked.Add(ref _bytes, -removed.Size);
            }
        }
    }

    private bool SeenBefore(TKey key)
    {
        var hash = key.GetHashCode();
        if (_seen.TryRemove(hash, out _)) return true;
        if (_seen.Count >= SeenCapacity) _seen.Clear();
        _seen.TryAdd(hash, 0);
        return false;
    }

    private sealed class Entry(TValue value, long size)
    {
        public TValue Value { get; } = value;

        public long Size { get; } = size;

        public long LastUsed { get; set; }
    }
}
