namespace RlhfGraph.Persistence.Entities;

/// <summary>
/// Provenance: one place in one list where a paper, codebase or dataset appears. Exactly one of
/// the three targets is set, so "which lists mention this paper" is one indexed lookup.
/// </summary>
public sealed class Mention
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    public string? Section { get; set; }

    /// <summary>1-based line in the source file.</summary>
    public int Line { get; set; }

    /// <summary>1-based character column, for the flattened list whose every item is on line 1.</summary>
    public int? Column { get; set; }

    public int? PaperId { get; set; }

    public int? CodebaseId { get; set; }

    public int? DatasetId { get; set; }

    public Source? Source { get; set; }

    public Paper? Paper { get; set; }

    public Codebase? Codebase { get; set; }

    public Dataset? Dataset { get; set; }
}
