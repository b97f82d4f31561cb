using System.Collections.Concurrent;

namespace RlhfGraph.Schema.Querying.Batching;

/// <summary>
/// The batch loaders of one GraphQL request (a scoped service). A loader is named by the field
/// and everything that changes its SQL (arguments, selected parts), so each distinct nested
/// list of a query is one batch per level.
/// </summary>
internal sealed class BatchScope
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);

    public BatchLoader<TKey, TValue> Loader<TKey, TValue>(string name, Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(fetch));

    /// <summary>The same, with the fetch made only by the first resolver to ask (making it has a cost: a plan).</summary>
    public BatchLoader<TKey, TValue> Loader<TKey, TValue>(string name, Func<Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>>> makeFetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>(makeFetch()));
}
