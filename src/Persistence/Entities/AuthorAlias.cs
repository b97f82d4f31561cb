namespace RlhfGraph.Persistence.Entities;

/// <summary>Another spelling of an author's name seen in the lists ("Alex J. Chan" for "Alex James Chan").</summary>
public sealed class AuthorAlias
{
    public int Id { get; set; }

    public int AuthorId { get; set; }

    public required string Name { get; set; }

    public Author? Author { get; set; }
}
