namespace RlhfGraph.Persistence.Import.Merging;

/// <summary>The places that name one codebase.</summary>
internal sealed record CodebaseCluster(List<CodebaseCandidate> Candidates)
{
    public IEnumerable<SourcedItem> SectionItems => Candidates.Where(c => c.CodeLabel is null).Select(c => c.Item);
}
