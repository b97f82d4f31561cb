namespace RlhfGraph.Persistence.Search;

/// <summary>What a search entry stands for; the number is part of the entry's id, so never renumber.</summary>
public enum SearchKind
{
    Paper = 0,
    Author = 1,
    Codebase = 2,
    Dataset = 3,
}
