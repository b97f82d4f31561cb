using GraphQL.DataLoader;

namespace RlhfGraph.Schema.Querying.Batching;

/// <summary>
/// Collects the keys that resolvers of one field ask for, then fetches them all in one go.
/// graphql-dotnet resolves every field of a level before it awaits any IDataLoaderResult, so by
/// the time the first result is awaited, the whole level's keys are here. Keys asked for after a
/// fetch started go to the next batch; keys already fetched are answered from memory.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue> _fetched = [];
    private Batch _pending = new();

    /// <summary>Registers a key and returns its deferred value (default when the fetch did not return the key).</summary>
    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (_fetched.TryGetValue(key, out var known)) return new Ready(known);
            _pending.Keys.Add(key);
            return new Deferred(this, _pending, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Run(Batch batch, CancellationToken ct)
    {
        lock (_gate)
        {
            if (batch.Task is not null) return batch.Task;
            if (ReferenceEquals(batch, _pending)) _pending = new Batch();
            batch.Task = FetchAsync(batch, ct);
            return batch.Task;
        }
    }

    private async Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(Batch batch, CancellationToken ct)
    {
        var result = await fetch(batch.Keys, ct).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var (key, value) in result) _fetched.TryAdd(key, value);
        }

        return result;
    }

    private sealed class Batch
    {
        public HashSet<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Task { get; set; }
    }

    private sealed class Deferred(BatchLoader<TKey, TValue> loader, Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Run(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default!;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Ready(TValue value) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }
}
