namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// One entry of a list file, in the same neutral shape whatever the file's format.
/// Parsers only read what the text says; deciding what is a duplicate or an author is the
/// graph builder's job, so values here are trimmed but otherwise as written.
/// </summary>
public sealed record ListItem
{
    /// <summary>The source's readable name (see seed/sources.json).</summary>
    public required string Source { get; init; }

    /// <summary>1-based line of the item's first line in the file (always 1 for the flattened file).</summary>
    public required int Line { get; init; }

    /// <summary>1-based character column, for the flattened list whose every item is on line 1.</summary>
    public int? Column { get; init; }

    /// <summary>Heading path as written, innermost last, e.g. "Papers / 2023" or "Papers / Datasets".</summary>
    public string? Section { get; init; }

    /// <summary>What the section says its items are.</summary>
    public SectionKind SectionKind { get; init; }

    /// <summary>The year a year heading gives ("2020 and before" gives 2020).</summary>
    public int? SectionYear { get; init; }

    public required string Title { get; init; }

    /// <summary>The item's own link (the title's link), null when absent or empty.</summary>
    public string? Url { get; init; }

    /// <summary>Other links on the item line: pdf, arxiv, project pages, in order.</summary>
    public IReadOnlyList<ListLink> Links { get; init => field = Packed(value); } = [];

    /// <summary>A short name after the title, e.g. "InstructGPT" from "(InstructGPT)".</summary>
    public string? Alias { get; init; }

    /// <summary>Author names in byline order, as written (organisations included, "et al." removed).</summary>
    public IReadOnlyList<string> People { get; init => field = Packed(value); } = [];

    /// <summary>The byline ended with "et al." or similar.</summary>
    public bool PeopleTruncated { get; init; }

    public string? Venue { get; init; }

    /// <summary>The year the byline gives (e.g. "NeurIPS, 2023").</summary>
    public int? Year { get; init; }

    /// <summary>An arXiv id stated in the text itself (004's `arXiv, 2310.16944`).</summary>
    public string? ArxivId { get; init; }

    public int? CitationCount { get; init; }

    public IReadOnlyList<string> Keywords { get; init => field = Packed(value); } = [];

    public IReadOnlyList<string> Environments { get; init => field = Packed(value); } = [];

    public IReadOnlyList<string> Tasks { get; init => field = Packed(value); } = [];

    /// <summary>Code links: label "official", "third party", or a repository name; Url null for "Code: official" without a link.</summary>
    public IReadOnlyList<ListLink> Code { get; init => field = Packed(value); } = [];

    /// <summary>Datasets named on the item: label is the dataset's name, Url when given.</summary>
    public IReadOnlyList<ListLink> Datasets { get; init => field = Packed(value); } = [];

    /// <summary>Free text describing the item (codebase descriptions).</summary>
    public string? Description { get; init; }

    /// <summary>An organisation named beside the item (004's "- huggingface", 001's "[OpenAI]" blog prefix).</summary>
    public string? Organization { get; init; }

    /// <summary>
    /// A list field as an array of its exact length, the empty ones all one shared array: a large list's items hold a
    /// million of these fields, and a <see cref="List{T}"/> each (32 bytes, its array's spare room besides) was a sixth
    /// of the merge's heap and a quarter of its objects (250k-item list: docs/benchmarks.md §13).
    /// </summary>
    private static T[] Packed<T>(IReadOnlyList<T> value) => value switch
    {
        T[] array => array,
        { Count: 0 } => [],
        _ => [.. value],
    };
}

/// <summary>A labelled link; Url is null when the text names the target without linking it.</summary>
public sealed record ListLink(string Label, string? Url);

/// <summary>What the heading above an item says it lists.</summary>
public enum SectionKind
{
    Papers,
    Surveys,
    Datasets,
    Codebases,
    Blogs,
    Talks,
    Reports,
    Books,
    Courses,
    Other,
}

/// <summary>A list item the parser saw but did not turn into a <see cref="ListItem"/>, with why.</summary>
public sealed record SkippedItem(string Source, int Line, string Reason);

/// <summary>Everything one list file yielded.</summary>
public sealed record ParsedList(string Source, IReadOnlyList<ListItem> Items, IReadOnlyList<SkippedItem> Skipped)
{
    /// <summary>Items seen in content sections: imported plus skipped.</summary>
    public int ItemsSeen => Items.Count + Skipped.Count;
}

/// <summary>Turns one list file's text into neutral items.</summary>
public interface IListParser
{
    /// <summary>The format name used in seed/sources.json.</summary>
    string Format { get; }

    ParsedList Parse(string source, string text);
}
