namespace RlhfGraph.Corpus;

/// <summary>One distinct paper of the corpus and the list files that list it.</summary>
internal sealed record SyntheticPaper(
    int Index,
    string Title,
    string? ArxivId,
    string? PageUrl,
    int Year,
    string Venue,
    IReadOnlyList<string> Authors,
    string? CodeUrl,
    bool OfficialCode,
    IReadOnlyList<int> Datasets,
    IReadOnlyList<int> Keywords,
    int Citations,
    IReadOnlyList<ListFile> Files)
{
    public string ArxivAbs => $"https://arxiv.org/abs/{ArxivId}";

    public string PrimaryUrl => ArxivId is null ? PageUrl! : ArxivAbs;
}

/// <summary>The three Markdown formats of the real lists that the generator writes.</summary>
internal enum ListFile
{
    Louieworth,
    OpenDilab,
    LlmTraining,
}
