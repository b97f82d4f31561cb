namespace RlhfGraph.Corpus;

/// <summary>
/// What a generated corpus holds by construction: what an import of it must report. Lets a test
/// hold the generator and the importer to each other.
/// </summary>
public sealed record CorpusShape
{
    public required int Papers { get; init; }

    public required int Authors { get; init; }

    public required int Codebases { get; init; }

    public required int Datasets { get; init; }

    public required int Keywords { get; init; }

    public required int PaperAuthorLinks { get; init; }

    /// <summary>List items per source name, in manifest order; items minus papers were merged.</summary>
    public required IReadOnlyList<(string Source, string File, int Items)> Files { get; init; }

    public int Items => Files.Sum(f => f.Items);
}
