namespace RlhfGraph.Persistence.Entities;

/// <summary>A paper, survey, report, blog post, talk or book, merged across every list that mentions it.</summary>
public sealed class Paper
{
    public int Id { get; set; }

    /// <summary>Natural key that survives re-imports: "arxiv:2305.18290" when the id is known, else "title:&lt;title key&gt;".</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>The title folded for matching (see TitleKey); also what title sorting would ideally use.</summary>
    public required string TitleKey { get; set; }

    public string? Url { get; set; }

    /// <summary>Canonical arXiv id without version, e.g. "2305.18290".</summary>
    public string? ArxivId { get; set; }

    public int? Year { get; set; }

    public string? Venue { get; set; }

    /// <summary>Where <see cref="Venue"/> came from: the mention ("list.md:251") and its evidence ("proceedings link").</summary>
    public string? VenueSource { get; set; }

    /// <summary>Where <see cref="Year"/> came from: the mention ("list.md:28") and its evidence ("year heading").</summary>
    public string? YearSource { get; set; }

    public PaperKind Kind { get; set; }

    public string? Alias { get; set; }

    public int? CitationCount { get; set; }

    /// <summary>True when a list names official code, even without a link ("Code: official").</summary>
    public bool HasOfficialCode { get; set; }

    /// <summary>How many of the lists mention this paper (consensus); kept in step by the importer like Author.PaperCount.</summary>
    public int MentionCount { get; set; }

    /// <summary>True when the richest byline still ended in "et al.".</summary>
    public bool AuthorsTruncated { get; set; }

    // The collections are made on first use, not with the entity: a read makes thousands of entities per response
    // (only the selected columns set) and touches none of them; EF Core makes a missing one when it fixes up.
    public List<PaperAuthor> Authors { get => field ??= []; set; }

    public List<PaperCodebase> Codebases { get => field ??= []; set; }

    public List<PaperDataset> Datasets { get => field ??= []; set; }

    public List<PaperKeyword> Keywords { get => field ??= []; set; }

    public List<Mention> Mentions { get => field ??= []; set; }
}
