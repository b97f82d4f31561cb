using System.Runtime.CompilerServices;
using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Querying.Shaping;

/// <summary>
/// The nested pages a planned statement already read, per parent object and response key (a scoped service: one
/// request). A nested list's resolver answers from here; what is not here it reads itself.
/// </summary>
internal sealed class PrefetchedPages
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(object Parent, string Key), Page> _pages = new(new ParentComparer());

    public void Add(object parent, string key, Page page)
    {
        lock (_gate) _pages[(parent, key)] = page;
    }

    public bool TryGet(object parent, string key, out Page page)
    {
        lock (_gate) return _pages.TryGetValue((parent, key), out page!);
    }

    /// <summary>Parents by identity: two papers with the same id at two places of a response are two parents.</summary>
    private sealed class ParentComparer : IEqualityComparer<(object Parent, string Key)>
    {
        public bool Equals((object Parent, string Key) x, (object Parent, string Key) y) =>
            ReferenceEquals(x.Parent, y.Parent) && string.Equals(x.Key, y.Key, StringComparison.Ordinal);

        public int GetHashCode((object Parent, string Key) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Parent), obj.Key);
    }
}
