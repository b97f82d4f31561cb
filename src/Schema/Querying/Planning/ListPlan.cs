using RlhfGraph.Schema.Querying.Paging;

namespace RlhfGraph.Schema.Querying.Planning;

/// <summary>
/// One list level of an operation, bounded and typed: which rows (query), how many (request), which columns of the
/// node (null: all of them, because a field needs the whole entity), whether link columns and cursors are needed,
/// and the nested lists read with it. Built from the selection once per request; compiled to SQL per database.
/// </summary>
internal sealed record ListPlan(
    string Field,
    ListField List,
    LevelQuery Query,
    PageRequest Request,
    IReadOnlyList<ScalarMember>? NodeColumns,
    bool WantsItem,
    bool WantsCursors,
    IReadOnlyList<ChildPlan> Children);

/// <summary>A nested list under the nodes of a level, answered under <paramref name="ResponseKey"/> (alias or name).</summary>
internal sealed record ChildPlan(string ResponseKey, ListPlan Plan);
