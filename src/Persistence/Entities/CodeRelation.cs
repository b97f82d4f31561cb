namespace RlhfGraph.Persistence.Entities;

/// <summary>How a codebase relates to a paper, as the list states it.</summary>
public enum CodeRelation
{
    Unspecified,
    Official,
    ThirdParty,
}
