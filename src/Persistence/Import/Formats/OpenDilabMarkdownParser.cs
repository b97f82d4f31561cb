using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The opendilab list (001): `- [Title](link) (Alias)` over indented lines: the authors, then
/// `Keyword:`, `Code: [official](link)`, `Dataset: [Name](link), …` (also typed `Dataset;`, 001:125),
/// `Env:` and `Task:` lines. Codebases carry the same fields; blogs are `- [Org] [Title](link)`.
/// </summary>
internal sealed partial class OpenDilabMarkdownParser : IListParser
{
    public string Format => "opendilab-markdown";

    public ParsedList Parse(string source, string text)
    {
        var items = new List<ListItem>();
        var skipped = new List<SkippedItem>();
        var pool = new StringPool();
        var fields = new FieldLines(pool);
        foreach (var entry in MarkdownEntries.Read(text))
        {
            if (!entry.HasTitle)
            {
                skipped.Add(new SkippedItem(source, entry.Line, $"no title link: \"{LouieworthMarkdownParser.Snippet(MarkdownInlines.Text(entry.Head))}\""));
                continue;
            }

            var (title, url, organization, alias) = ReadHead(entry.Head);
            if (title.Length == 0)
            {
                skipped.Add(new SkippedItem(source, entry.Line, "the title link has no text"));
                continue;
            }

            fields.Clear();
            foreach (var (_, inlines) in entry.Details) fields.Read(inlines);
            items.Add(new ListItem
            {
                Source = source,
                Line = entry.Line,
                Section = entry.Section,
                SectionKind = entry.Kind,
                SectionYear = entry.Year,
                Title = title,
                Url = url,
                Alias = alias,
                Organization = organization,
                People = fields.People,
                PeopleTruncated = fields.Truncated,
                Keywords = fields.Keywords,
                Environments = fields.Environments,
                Tasks = fields.Tasks,
                Code = fields.Code,
                Datasets = fields.Datasets,
            });
        }

        return ItemEvidence.Screen(source, items, skipped);
    }

    private static (string Title, string? Url, string? Organization, string? Alias) ReadHead(List<Inline> head)
    {
        var at = 0;
        while (at < head.Count && head[at] is not LinkInline) at++;
        // "[W&B Fully Connected][ Understanding …](…)" (001:307): the tag is whatever text precedes the title link.
        // The texts are read by index and in place, not through Take/Skip and a list of the link's children (250k-item list: 325 MB).
        var tag = at == 0 ? "" : MarkdownInlines.Text(head, 0, at).Trim().Trim('[', ']').Trim();
        var organization = tag.Length > 0 ? tag : null;

        var link = (LinkInline)head[at];
        var title = MarkdownInlines.ChildrenText(link).Trim();
        var after = MarkdownInlines.Text(head, at + 1, head.Count - at - 1).Trim();
        var alias = after.Length > 0 && Alias().Match(after) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        return (title, MarkdownInlines.UrlOf(link), organization, alias);
    }

    [GeneratedRegex(@"^\.?\s*\(([^()]{1,60})\)")]
    private static partial Regex Alias();
}
