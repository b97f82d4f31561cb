namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Which database id each entity of the new graph takes: the row with the same Key first (the common case: nothing
/// moved), else the id that holds most of the entity's keys (arXiv id, DOI, URL, title key, spellings), live or
/// retired, so an entity keeps its id while any of its keys remains; no id goes to two entities, and an id goes only
/// to an entity holding one of its keys. Then which keys the identity table must remember for next time.
/// Pure: <see cref="GraphWriter"/> reads and writes the rows.
/// </summary>
internal static class IdentityMatcher
{
    /// <summary>A row in the database: its id, Key, and the keys its columns say (Key included).</summary>
    public sealed record Row(int Id, string Key, IReadOnlyCollection<string> Keys);

    /// <summary>
    /// An entity of the new graph: its Key, the keys its columns will say (Key included), the other keys it holds, and
    /// the places (items of lists whose bytes did not change since the last import) that name it, matched and not stored.
    /// </summary>
    public sealed record Wanted(string Key, IReadOnlyCollection<string> OwnKeys, IReadOnlyCollection<string> OtherKeys, IReadOnlyCollection<string> Places);

    /// <summary>
    /// The id each of <paramref name="wanted"/> takes (null: a new id), matching on rows' keys, on <paramref name="stored"/>
    /// (key → id of the entity that last held it, beyond what its columns say) and on <paramref name="places"/> (an item
    /// of an unchanged list → the ids it named at the last import).
    /// </summary>
    public static int?[] Match(IReadOnlyList<Row> existing, IReadOnlyDictionary<string, int> stored, ILookup<string, int> places, IReadOnlyList<Wanted> wanted)
    {
        var ids = new int?[wanted.Count];
        var taken = new HashSet<int>();
        var byKey = new Dictionary<string, int>(existing.Count, StringComparer.Ordinal);
        foreach (var row in existing) byKey.TryAdd(row.Key, row.Id);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (byKey.TryGetValue(wanted[i].Key, out var id) && taken.Add(id)) ids[i] = id;
        }

        if (taken.Count == wanted.Count || (taken.Count == existing.Count && stored.Count == 0)) return ids;

        var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in existing)
        {
            foreach (var key in row.Keys) Hold(index, key, row.Id);
        }

        foreach (var (key, id) in stored) Hold(index, key, id);

        var candidates = new List<(int Score, int Wanted, int Id)>();
        var scores = new Dictionary<int, int>();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (ids[i] is not null) continue;
            scores.Clear();
            keys.Clear();
            keys.UnionWith(wanted[i].OwnKeys);
            keys.UnionWith(wanted[i].OtherKeys);
            foreach (var key in keys)
            {
                if (!index.TryGetValue(key, out var holders)) continue;
                foreach (var id in holders)
                {
                    if (!taken.Contains(id)) scores[id] = scores.GetValueOrDefault(id) + Weight(key);
                }
            }

            foreach (var place in wanted[i].Places)
            {
                foreach (var id in places[place].Distinct())
                {
                    if (!taken.Contains(id)) scores[id] = scores.GetValueOrDefault(id) + PlaceWeight;
                }
            }

            foreach (var (id, score) in scores) candidates.Add((score, i, id));
        }

        // Strongest evidence first; ties to the earlier entity and the older id, so the outcome does not depend on hashing.
        candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Wanted != b.Wanted ? a.Wanted.CompareTo(b.Wanted) : a.Id.CompareTo(b.Id));
        foreach (var (_, i, id) in candidates)
        {
            if (ids[i] is null && taken.Add(id)) ids[i] = id;
        }

        return ids;
    }

    /// <summary>
    /// The identity table after the import: what it held, plus every key the existing rows' columns said (kept for the
    /// rows that leave or change), with every key an entity now holds beyond its columns pointing at it, and without the
    /// keys the new rows' columns say (those are read from the rows themselves).
    /// </summary>
    public static Dictionary<string, int> Remember(IReadOnlyList<Row> existing, IReadOnlyDictionary<string, int> stored, IReadOnlyList<Wanted> wanted, IReadOnlyList<int> ids)
    {
        var table = new Dictionary<string, int>(stored, StringComparer.OrdinalIgnoreCase);
        foreach (var row in existing)
        {
            foreach (var key in row.Keys) table[key] = row.Id;
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            foreach (var key in wanted[i].OtherKeys) table[key] = ids[i];
        }

        foreach (var entity in wanted)
        {
            foreach (var key in entity.OwnKeys) table.Remove(key);
        }

        return table;
    }

    // An item of a list whose bytes did not change is the same item: it names the same thing, whatever another list that
    // came or went did to that thing's keys (its arXiv id, or the alias split off its title); as strong as an arXiv id.
    private const int PlaceWeight = 8;

    // An arXiv id or a DOI names one work; a link nearly so; a title or a spelling can be shared by two.
    private static int Weight(string key) =>
        key.StartsWith("arxiv:", StringComparison.Ordinal) || key.StartsWith("doi:", StringComparison.Ordinal) ? 8
        : key.StartsWith("url:", StringComparison.Ordinal) ? 4
        : key.StartsWith("title:", StringComparison.Ordinal) ? 2
        : 4;

    private static void Hold(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var holders)) index[key] = holders = [];
        if (!holders.Contains(id)) holders.Add(id);
    }
}
