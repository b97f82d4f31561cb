namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Union-find over dense integer ids, used by every merge rule: duplicates are found pairwise,
/// but the entity is the transitive closure (A~B by arXiv id, B~C by title ⇒ one paper).
/// </summary>
internal sealed class DisjointSet(int count)
{
    private readonly int[] _parent = Enumerable.Range(0, count).ToArray();

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>Joins two sets, keeping the smaller root so a set's representative is its earliest member.</summary>
    public int Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb) return ra;
        var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
        _parent[child] = root;
        return root;
    }

    /// <summary>Members grouped by set, each group in ascending order, groups ordered by their first member.</summary>
    public List<List<int>> Groups()
    {
        var byRoot = new Dictionary<int, List<int>>();
        var groups = new List<List<int>>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var root = Find(i);
            if (!byRoot.TryGetValue(root, out var group))
            {
                group = [];
                byRoot[root] = group;
                groups.Add(group);
            }

            group.Add(i);
        }

        return groups;
    }
}
