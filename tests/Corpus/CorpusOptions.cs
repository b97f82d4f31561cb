namespace RlhfGraph.Corpus;

/// <summary>What to generate. The rates default to what the five real lists show.</summary>
public sealed record CorpusOptions
{
    /// <summary>Distinct papers in the corpus (each listed once or more across the files).</summary>
    public int Papers { get; init; } = 1000;

    /// <summary>The same seed gives byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share of papers listed in a second file, and in a third. The real lists hold 366 items for 228
    /// papers (137 merged): about 0.6 extra listings per paper.
    /// </summary>
    public double SecondListing { get; init; } = 0.45;

    public double ThirdListing { get; init; } = 0.15;

    /// <summary>Share of papers that link code ("about half").</summary>
    public double WithCode { get; init; } = 0.5;

    /// <summary>Share of papers without an arXiv id (an OpenReview page); their duplicates merge by title.</summary>
    public double WithoutArxiv { get; init; } = 0.1;
}
