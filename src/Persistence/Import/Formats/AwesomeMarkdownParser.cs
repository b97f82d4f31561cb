using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The general reader for any "awesome" list in Markdown, walked with Markdig: sections at every heading level (the
/// first level-1 heading is the list's title unless it names a kind; every later one is a section), an emphasised
/// paragraph alone ("*2022*") as a sub-heading, bullets and numbered items at any depth, a bullet without a link whose
/// children have links as a group of items, a "-[x](…)" line that Markdig reads as text, and pipe tables. Every list
/// item and table row in a content section is either an item or a skip with its line and reason.
/// </summary>
internal sealed class AwesomeMarkdownParser : IListParser
{
    public const string FormatName = "awesome-markdown";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    public string Format => FormatName;

    public ParsedList Parse(string source, string text)
    {
        var walk = new Walk(source);
        foreach (var document in MarkdownParts.Parse(text, Pipeline))
        {
            walk.Blocks(document);
            // Read what is complete now, so the entries stop holding this part's syntax tree.
            walk.ReadAllButLast();
        }

        walk.Finish();
        return ItemEvidence.Screen(source, walk.Items, walk.Skipped);
    }

    private sealed class Walk(string source)
    {
        private readonly SortedDictionary<int, string> _headings = [];
        private readonly List<AwesomeEntry> _entries = [];

        // Apart from the skips found while walking until the end, so the final sort sees them in the order it always did.
        private readonly List<SkippedItem> _unreadable = [];
        private bool _sawHeading;
        private string? _subHeading;

        public List<ListItem> Items { get; } = [];

        public List<SkippedItem> Skipped { get; } = [];

        public void Blocks(ContainerBlock container)
        {
            for (var at = 0; at < container.Count; at++)
            {
                var block = container[at];
                switch (block)
                {
                    case HeadingBlock heading when WorkUnder(heading, container, at) is { } work:
                        // "### Title" over "- **Authors**: …", "- **Links**: [arXiv](…)": a heading that is a work; its field lines are its
                        // details. It ends the sections at its level and below, as any heading does, and stands in the one above it.
                        foreach (var deeper in _headings.Keys.Where(l => l >= heading.Level).ToList()) _headings.Remove(deeper);
                        _subHeading = null;
                        if (Section() is { } around)
                        {
                            var headed = new AwesomeEntry(heading.Line + 1, around, MarkdownInlines.Children(heading.Inline));
                            headed.Details.AddRange(work.Lines);
                            Add(headed);
                        }

                        at = work.Last;
                        break;
                    case HeadingBlock heading:
                        Heading(heading);
                        break;
                    case ListBlock list when Section() is { } section:
                        foreach (var item in list.OfType<ListItemBlock>()) ListItem(item, section);
                        break;
                    case Table table when Section() is { } section:
                        foreach (var (line, entry, reason) in AwesomeTable.Rows(table, section))
                        {
                            if (entry is null) Skip(line, reason!);
                            else Add(entry);
                        }

                        break;
                    case ParagraphBlock paragraph:
                        Paragraph(paragraph);
                        break;
                    case QuoteBlock quote:
                        Blocks(quote);
                        break;
                }
            }
        }

        /// <summary>
        /// The field lines under a heading that names a work rather than a section: every block up to the next heading is field lines
        /// (a list of them, or a paragraph of them broken by line breaks) that make a work (<see cref="AwesomeEntry.FieldsMakeAWork"/>).
        /// </summary>
        private static (List<(int Line, List<Inline> Inlines)> Lines, int Last)? WorkUnder(HeadingBlock heading, ContainerBlock container, int at)
        {
            var title = MarkdownInlines.Text(MarkdownInlines.Children(heading.Inline));
            if (title.Length == 0 || SectionClassifier.KindOfWords(title) is not null || SectionClassifier.YearOf(title) is not null && title.Length <= 16) return null;
            var lines = new List<(int, List<Inline>)>();
            var last = at;
            // Up to the next heading, or to a block that is neither a list nor a paragraph (an HTML block, a table), which is read as usual.
            for (var next = at + 1; next < container.Count && container[next] is ListBlock or ParagraphBlock; next++)
            {
                switch (container[next])
                {
                    case ListBlock list:
                        foreach (var item in list.OfType<ListItemBlock>())
                        {
                            if (item.Count != 1 || item[0] is not ParagraphBlock p) return null;
                            lines.Add((p.Line + 1, MarkdownInlines.Children(p.Inline)));
                        }

                        break;
                    case ParagraphBlock paragraph:
                        var line = paragraph.Line + 1;
                        var current = new List<Inline>();
                        foreach (var inline in MarkdownInlines.Children(paragraph.Inline))
                        {
                            if (inline is not LineBreakInline)
                            {
                                current.Add(inline);
                                continue;
                            }

                            if (current.Count > 0) lines.Add((line, current));
                            (current, line) = ([], line + 1);
                        }

                        if (current.Count > 0) lines.Add((line, current));
                        break;
                }

                last = next;
            }

            var fields = lines.Select(l => l.Item2).ToList();
            return fields.Count > 0 && fields.All(AwesomeEntry.IsWorkField) && AwesomeEntry.FieldsMakeAWork(fields) ? (lines, last) : null;
        }

        private void Heading(HeadingBlock heading)
        {
            var text = MarkdownInlines.Text(MarkdownInlines.Children(heading.Inline));
            var isTitle = !_sawHeading && heading.Level == 1 && SectionClassifier.KindOfWords(text) is null;
            _sawHeading = true;
            _subHeading = null;
            if (isTitle) return;
            foreach (var deeper in _headings.Keys.Where(l => l >= heading.Level).ToList()) _headings.Remove(deeper);
            _headings[heading.Level] = text;
        }

        private void Paragraph(ParagraphBlock paragraph)
        {
            var inlines = MarkdownInlines.Children(paragraph.Inline);
            // "*2022*" alone on its line (a list that marks years in italics rather than with headings).
            if (inlines is [EmphasisInline emphasis] && !emphasis.Any(i => i is LinkInline))
            {
                _subHeading = MarkdownInlines.TextOf(emphasis);
                return;
            }

            if (Section() is not { } section) return;
            // "[UltraFeedback: …](…)" as its own paragraph, or "-[Safe-RLHF](…)" whose missing space makes it text.
            foreach (var (line, head) in AwesomeEntry.SplitRunOnItems(paragraph.Line + 1, inlines, includeFirst: true))
            {
                if (AwesomeEntry.StartsLikeItem(head)) Add(new AwesomeEntry(line, section, head));
            }
        }

        private void ListItem(ListItemBlock item, AwesomeSection section)
        {
            var paragraphs = item.OfType<ParagraphBlock>().ToList();
            var line = item.Line + 1;
            var head = paragraphs.Count > 0 ? MarkdownInlines.Children(paragraphs[0].Inline) : [];
            var nested = item.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).ToList();

            // "* OpenAI ChatGPT" over "* ChatGPT (https://openai.com/blog/chatgpt/)": the parent names a group, its children are the items.
            // But "Eta Rank Distillation" over "Paper: [arXiv](…)" and "Code: [GitHub](…)" is the item, and those lines its links.
            if (!AwesomeEntry.HasAnchor(head) && nested.Count > 0 && nested.Any(n => AwesomeEntry.HasAnchor(HeadOf(n)))
                && !nested.All(n => !AwesomeEntry.HasAnchor(HeadOf(n)) || AwesomeEntry.IsLabelledLink(HeadOf(n))))
            {
                var group = MarkdownInlines.Text(head);
                var inner = group.Length == 0 ? section : section with { Path = $"{section.Path} / {group}" };
                foreach (var child in nested) ListItem(child, inner);
                return;
            }

            // An author line a careless editor left unindented under the entry it belongs to (louieworth's "- Mohammad Gheshlaghi Azar, …").
            if (!AwesomeEntry.HasAnchor(head) && nested.Count == 0 && _entries.Count > 0
                && _entries[^1] is { IsTitled: true, Details.Count: 0 } previous && previous.Section == section && MarkdownEntries.LooksLikeByline(head))
            {
                previous.Details.Add((line, head));
                return;
            }

            var segments = AwesomeEntry.SplitRunOnItems(line, head, includeFirst: true).ToList();
            if (segments.Count == 0)
            {
                Skip(line, "an empty list item");
                return;
            }

            var entries = segments.Select(s => new AwesomeEntry(s.Line, section, s.Inlines)).ToList();
            var current = entries[^1];
            foreach (var paragraph in paragraphs.Skip(1)) current = Detail(paragraph, current, entries, section);
            foreach (var child in nested) current = NestedDetail(child, current, entries, section);
            foreach (var entry in entries) Add(entry);
        }

        /// <summary>A nested item is a detail line of its parent, unless it starts with a title of its own (then it is an item).</summary>
        private AwesomeEntry NestedDetail(ListItemBlock child, AwesomeEntry current, List<AwesomeEntry> entries, AwesomeSection section)
        {
            var head = HeadOf(child);
            if (current.IsTitled && AwesomeEntry.IsOwnItem(head))
            {
                ListItem(child, section);
                return current;
            }

            foreach (var block in child)
            {
                if (block is ParagraphBlock paragraph) current = Detail(paragraph, current, entries, section);
                else if (block is ListBlock deeper)
                {
                    foreach (var grandchild in deeper.OfType<ListItemBlock>()) current = NestedDetail(grandchild, current, entries, section);
                }
            }

            return current;
        }

        /// <summary>Adds a detail paragraph to the entry; a "-[Next](…)" line run into it starts the next entry, which takes the details after it.</summary>
        private static AwesomeEntry Detail(ParagraphBlock paragraph, AwesomeEntry current, List<AwesomeEntry> entries, AwesomeSection section)
        {
            var inlines = MarkdownInlines.Children(paragraph.Inline);
            var first = true;
            foreach (var (line, part) in AwesomeEntry.SplitRunOnItems(paragraph.Line + 1, inlines, includeFirst: true))
            {
                if (first) current.Details.Add((line, part));
                else
                {
                    current = new AwesomeEntry(line, section, part);
                    entries.Add(current);
                }

                first = false;
            }

            return current;
        }

        private static List<Inline> HeadOf(ListItemBlock item) =>
            item.OfType<ParagraphBlock>().FirstOrDefault() is { } p ? MarkdownInlines.Children(p.Inline) : [];

        private void Add(AwesomeEntry entry) => _entries.Add(entry);

        /// <summary>Reads every entry but the last, which an unindented author line in the next part may still join.</summary>
        public void ReadAllButLast()
        {
            if (_entries.Count < 2) return;
            Read(_entries.Count - 1);
        }

        /// <summary>Reads the entries once every detail line has found its entry.</summary>
        public void Finish()
        {
            Read(_entries.Count);
            Skipped.AddRange(_unreadable);
            Skipped.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        private void Read(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var (item, reason) = _entries[i].Read(source);
                if (item is null) _unreadable.Add(new SkippedItem(source, _entries[i].Line, reason!));
                else Items.Add(item);
            }

            _entries.RemoveRange(0, count);
        }

        private void Skip(int line, string reason) => Skipped.Add(new SkippedItem(source, line, reason));

        /// <summary>The section the headings describe, or null outside content (the title, a table of contents, contributing…).</summary>
        private AwesomeSection? Section()
        {
            var path = _headings.Values.ToList();
            if (_subHeading is not null) path.Add(_subHeading);
            if (path.Count == 0 || path.Any(SectionClassifier.IsNonContent)) return null;
            SectionKind? kind = null;
            int? year = null;
            foreach (var heading in path)
            {
                kind = SectionClassifier.KindOfWords(heading) ?? kind;
                year = SectionClassifier.YearOf(heading) ?? year;
            }

            return new AwesomeSection(string.Join(" / ", path), kind, year);
        }
    }
}
