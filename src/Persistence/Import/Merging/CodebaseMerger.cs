using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>
/// Which codebase-section items and papers' code links are one codebase: the same normalized repository URL; a codebase
/// named without a link and a linked one of that name; one repository under an old and a new owner with people in common.
/// </summary>
internal static class CodebaseMerger
{
    public static List<CodebaseCluster> Merge(IReadOnlyList<SourcedItem> codebaseItems, IReadOnlyList<SourcedItem> paperItems)
    {
        // Candidates: every codebase-section item and every linked code URL on a paper.
        var candidates = new List<CodebaseCandidate>();
        foreach (var item in codebaseItems)
            candidates.Add(CodebaseCandidate.From(item.Item.Url, item.Item.Title, item, null));
        foreach (var item in paperItems)
        {
            foreach (var code in item.Item.Code)
            {
                if (code.Url is not null)
                    candidates.Add(CodebaseCandidate.From(code.Url, null, item, code.Label));
            }
        }

        var sets = new DisjointSet(candidates.Count);
        UnionByKey(candidates.Count, i => candidates[i].UrlKey, (a, b) => sets.Union(a, b));

        // A codebase the flattened list names without a link is the linked one with the same name.
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].UrlKey is null) continue;
            foreach (var name in candidates[i].NameKeys) byName.TryAdd(name, i);
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            // Only a codebase without a link is matched by name: openai/evals and anthropics/evals are two repositories.
            if (candidates[i].UrlKey is not null) continue;
            foreach (var name in candidates[i].NameKeys)
            {
                if (byName.TryGetValue(name, out var j)) sets.Union(i, j);
            }
        }

        UnionByKey(candidates.Count, i => candidates[i].UrlKey is null ? candidates[i].NameKeys.FirstOrDefault() : null, (a, b) => sets.Union(a, b));

        // An owner move (lvwerra/trl → huggingface/trl): same repository name and people in common.
        var repositories = candidates.Select((c, i) => (c, i)).Where(x => x.c.Repository is not null)
            .GroupBy(x => x.c.Repository!.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var group in repositories)
        {
            var list = group.ToList();
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (a, b) = (list[x], list[y]);
                    if (sets.Find(a.i) == sets.Find(b.i)) continue;
                    if (RepositoryUrl.IsLikelyMove(a.c.Repository!, b.c.Repository!, PeopleOf(a.c), PeopleOf(b.c)))
                        sets.Union(a.i, b.i);
                }
            }
        }

        return sets.Groups().Select(g => new CodebaseCluster(g.Select(i => candidates[i]).ToList())).ToList();
    }

    private static IReadOnlyCollection<string> PeopleOf(CodebaseCandidate candidate) =>
        candidate.CodeLabel is null ? candidate.Item.Item.People : [];

    private static void UnionByKey(int n, Func<int, string?> keyOf, Action<int, int> union)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (keyOf(i) is not { Length: > 0 } key) continue;
            if (first.TryGetValue(key, out var j)) union(j, i);
            else first[key] = i;
        }
    }
}
