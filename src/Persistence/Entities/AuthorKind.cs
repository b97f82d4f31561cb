namespace RlhfGraph.Persistence.Entities;

/// <summary>Whether an author is a person or an organisation ("OpenAI", "Anthropic").</summary>
public enum AuthorKind
{
    Person,
    Organization,
}
