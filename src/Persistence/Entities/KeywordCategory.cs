namespace RlhfGraph.Persistence.Entities;

/// <summary>Which list field a keyword came from.</summary>
public enum KeywordCategory
{
    Topic,
    Environment,
    Task,
}
