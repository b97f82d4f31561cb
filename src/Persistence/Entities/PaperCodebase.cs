namespace RlhfGraph.Persistence.Entities;

/// <summary>A paper's link to code, carrying whether the list called it official.</summary>
public sealed class PaperCodebase
{
    public int PaperId { get; set; }

    public int CodebaseId { get; set; }

    public CodeRelation Relation { get; set; }

    public Paper? Paper { get; set; }

    public Codebase? Codebase { get; set; }
}
