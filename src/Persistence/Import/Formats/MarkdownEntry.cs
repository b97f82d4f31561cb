using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// One list entry of a Markdown list file before any format-specific reading: its head line's
/// inlines and the detail lines under it (nested items, continuation paragraphs, and an author
/// line a careless editor left unindented).
/// </summary>
internal sealed class MarkdownEntry
{
    public required int Line { get; init; }

    public required string? Section { get; init; }

    public required SectionKind Kind { get; init; }

    public required int? Year { get; init; }

    public required List<Inline> Head { get; init; }

    /// <summary>True when the head starts with a title (a link or bold text, optionally after a "[Org]" tag).</summary>
    public required bool HasTitle { get; init; }

    public List<(int Line, List<Inline> Inlines)> Details { get; } = [];
}
