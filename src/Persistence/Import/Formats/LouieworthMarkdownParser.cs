namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The louieworth lists (000 and its older sibling 002): `- [Title](link)` over an indented
/// `- Author, Author. Venue, Year.` line; in "Open Source Software" the indented line describes the code.
/// </summary>
internal sealed class LouieworthMarkdownParser : IListParser
{
    public string Format => "louieworth-markdown";

    public ParsedList Parse(string source, string text)
    {
        var items = new List<ListItem>();
        var skipped = new List<SkippedItem>();
        foreach (var entry in MarkdownEntries.Read(text))
        {
            if (!entry.HasTitle)
            {
                skipped.Add(new SkippedItem(source, entry.Line, $"no title link: \"{Snippet(MarkdownInlines.Text(entry.Head))}\""));
                continue;
            }

            var links = MarkdownInlines.Links(entry.Head);
            var title = links[0].Label.Trim().TrimEnd('.').Trim();
            if (title.Length == 0)
            {
                skipped.Add(new SkippedItem(source, entry.Line, "the title link has no text"));
                continue;
            }

            var detail = entry.Details.Count > 0 ? MarkdownInlines.Text(entry.Details[0].Inlines) : null;
            var byline = entry.Kind == SectionKind.Codebases || detail is null
                ? null
                : Byline.Parse(detail, lastPartIsVenue: entry.Kind is SectionKind.Talks or SectionKind.Blogs);
            items.Add(new ListItem
            {
                Source = source,
                Line = entry.Line,
                Section = entry.Section,
                SectionKind = entry.Kind,
                SectionYear = entry.Year,
                Title = title,
                Url = links[0].Url,
                Links = links.Skip(1).ToList(),
                People = byline?.People ?? [],
                PeopleTruncated = byline?.Truncated ?? false,
                Venue = byline?.Venue,
                Year = byline?.Year,
                Description = entry.Kind == SectionKind.Codebases ? detail : null,
            });
        }

        return ItemEvidence.Screen(source, items, skipped);
    }

    internal static string Snippet(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
