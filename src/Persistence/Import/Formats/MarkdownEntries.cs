using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Walks a Markdown list file with Markdig: headings give the section (and year), list items in
/// content sections become entries. Entries with a title collect the lines below them; a line
/// without a title right after an entry that has no details yet is that entry's detail (the
/// unindented author line of 000:71, the paragraph byline of 000:49); any other untitled list
/// item is returned as an untitled entry for the format to report as skipped.
/// </summary>
internal static partial class MarkdownEntries
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <summary>
    /// The entries in file order, a part of the file at a time (<see cref="MarkdownParts"/>): every entry of a part but
    /// the last is complete when the part ends (the last may still take an author line that starts the next part).
    /// </summary>
    public static IEnumerable<MarkdownEntry> Read(string text)
    {
        var entries = new List<MarkdownEntry>();
        var headings = new SortedDictionary<int, string>();
        MarkdownEntry? current = null;
        foreach (var document in MarkdownParts.Parse(text, Pipeline))
        {
            Read(document, headings, entries, ref current);
            for (var i = 0; i < entries.Count - 1; i++) yield return entries[i];
            if (entries.Count > 1) entries.RemoveRange(0, entries.Count - 1);
        }

        foreach (var entry in entries) yield return entry;
    }

    private static void Read(MarkdownDocument document, SortedDictionary<int, string> headings, List<MarkdownEntry> entries, ref MarkdownEntry? current)
    {
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    foreach (var deeper in headings.Keys.Where(l => l >= heading.Level).ToList()) headings.Remove(deeper);
                    headings[heading.Level] = MarkdownInlines.Text(MarkdownInlines.Children(heading.Inline));
                    current = null;
                    break;
                case ListBlock list when Context(headings) is { } section:
                    foreach (var item in list.OfType<ListItemBlock>())
                        current = ReadItem(item, section, entries, current);
                    break;
                case ParagraphBlock paragraph when Context(headings) is { } section:
                    var inlines = MarkdownInlines.Children(paragraph.Inline);
                    if (StartsWithTitle(inlines))
                    {
                        // "[UltraFeedback: …](…)" on its own line (002:128): an entry that is not a list item.
                        current = NewEntry(paragraph.Line, section, inlines);
                        entries.Add(current);
                    }
                    else if (current is { Details.Count: 0 } && LooksLikeByline(inlines))
                    {
                        current.Details.Add((paragraph.Line + 1, inlines));
                    }

                    break;
            }
        }
    }

    /// <remarks>
    /// The blocks are read by index, not through OfType, Skip and a list of paragraphs: their iterators and boxed enumerators
    /// were ~50 MB (250k-item list).
    /// </remarks>
    private static MarkdownEntry? ReadItem(ListItemBlock item, SectionContext section, List<MarkdownEntry> entries, MarkdownEntry? current)
    {
        var first = 0;
        while (first < item.Count && item[first] is not ParagraphBlock) first++;
        if (first == item.Count) return current;
        var head = MarkdownInlines.Children(((ParagraphBlock)item[first]).Inline);
        if (!StartsWithTitle(head) && current is { Details.Count: 0 } && LooksLikeByline(head))
        {
            current.Details.Add((item.Line + 1, head));
            return current;
        }

        var entry = NewEntry(item.Line, section, head);
        for (var i = first + 1; i < item.Count; i++)
        {
            if (item[i] is ParagraphBlock paragraph) entry.Details.Add((paragraph.Line + 1, MarkdownInlines.Children(paragraph.Inline)));
        }

        for (var i = 0; i < item.Count; i++)
        {
            if (item[i] is ListBlock nested) AddNested(entry, nested);
        }

        entries.Add(entry);
        return entry;
    }

    private static void AddNested(MarkdownEntry entry, ListBlock list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not ListItemBlock nestedItem) continue;
            for (var j = 0; j < nestedItem.Count; j++)
            {
                if (nestedItem[j] is ParagraphBlock paragraph) entry.Details.Add((paragraph.Line + 1, MarkdownInlines.Children(paragraph.Inline)));
                else if (nestedItem[j] is ListBlock deeper) AddNested(entry, deeper);
            }
        }
    }

    private static MarkdownEntry NewEntry(int line, SectionContext section, List<Inline> head) => new()
    {
        Line = line + 1,
        Section = section.Path,
        Kind = section.Kind,
        Year = section.Year,
        Head = head,
        HasTitle = StartsWithTitle(head),
    };

    /// <summary>An author line: no links, and names before any venue and year ("Nathan Lambert, Hugging Face, 2022.").</summary>
    internal static bool LooksLikeByline(List<Inline> inlines)
    {
        if (MarkdownInlines.Links(inlines).Count > 0) return false;
        var byline = Byline.Parse(MarkdownInlines.Text(inlines), lastPartIsVenue: true);
        return byline.People.Count > 0 && NameList.IsPlausible(string.Join(", ", byline.People));
    }

    /// <summary>A title is a link or bold text, optionally after "[Org] " tags (001's blogs: "[OpenAI] [ChatGPT: …](…)").</summary>
    public static bool StartsWithTitle(List<Inline> inlines)
    {
        // Markdig leaves an unmatched "[OpenAI]" as several literals ("[", "OpenAI", "] "), so read them as one text.
        // Made only when a literal comes first: most titles come first (250k-item list: a StringBuilder each was 53 MB).
        System.Text.StringBuilder? prefix = null;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline { IsImage: false }:
                case EmphasisInline { DelimiterCount: 2 }:
                    return IsTags(prefix?.ToString() ?? "");
                case LiteralInline literal:
                    (prefix ??= new System.Text.StringBuilder()).Append(literal.Content.AsSpan());
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsTags(string text) => Tags().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:\[[^\[\]]*\]\s*)*$")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    /// <summary>The section the current headings describe, or null outside content (title, TOC, contributing…).</summary>
    private static SectionContext? Context(SortedDictionary<int, string> headings)
    {
        // The H1 is the list's own title, never a section.
        var path = headings.Where(h => h.Key > 1).Select(h => h.Value).ToList();
        if (path.Count == 0 || path.Any(SectionClassifier.IsNonContent)) return null;
        SectionKind? kind = null;
        int? year = null;
        foreach (var heading in path)
        {
            kind = SectionClassifier.KindOfWords(heading) ?? kind;
            year = SectionClassifier.YearOf(heading) ?? year;
        }

        // A second-level heading that names no kind ("Alignment", "RLHF" in 004) is a topic of papers.
        return new SectionContext(string.Join(" / ", path), kind ?? SectionKind.Papers, year);
    }

    private sealed record SectionContext(string Path, SectionKind Kind, int? Year);
}
