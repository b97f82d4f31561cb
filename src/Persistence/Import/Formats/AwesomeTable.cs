using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// A list written as a Markdown table: columns are recognised by their header's words (title/paper/name, authors,
/// venue/conference, year/date, code/github, link/url/pdf, description, keywords), and each body row is one entry.
/// </summary>
internal static class AwesomeTable
{
    private enum Column
    {
        Ignored,
        Title,
        Authors,
        Venue,
        Year,
        Code,
        Link,
        Description,
        Keywords,
    }

    public static IEnumerable<(int Line, AwesomeEntry? Entry, string? Reason)> Rows(Table table, AwesomeSection section)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var headers = header is null ? [] : header.OfType<TableCell>().Select(CellText).ToList();
        var columns = headers.Select(ColumnOf).ToList();
        // "| Title | Venue | Date | Paper | Code |": one column is the title (the one that says so); the others whose header could
        // name one ("Paper") hold the work's link.
        var titles = Enumerable.Range(0, columns.Count).Where(i => columns[i] == Column.Title).ToList();
        if (titles.Count > 1)
        {
            var kept = titles.FirstOrDefault(i => headers[i].Contains("title", StringComparison.OrdinalIgnoreCase), titles[0]);
            foreach (var i in titles.Where(i => i != kept)) columns[i] = Column.Link;
        }

        // No column says "title": the first one that is not something else is the title ("| Model | Org | … |").
        if (!columns.Contains(Column.Title))
        {
            var first = columns.IndexOf(Column.Ignored);
            if (first < 0 && columns.Count > 0) first = columns.IndexOf(Column.Link);
            if (first >= 0) columns[first] = Column.Title;
        }

        foreach (var row in rows.Where(r => !r.IsHeader))
        {
            var cells = row.OfType<TableCell>().ToList();
            var line = row.Line + 1;
            var title = Cell(cells, columns, Column.Title);
            var notes = new List<string>();
            // "| RLHF | Concept | … | [InstructGPT](https://arxiv.org/abs/2203.02155) |": the title is the linked work's name, the
            // cell whose link is a paper or a repository; the label the row started with is a keyword of it.
            if (title is null || !MarkdownInlines.Links(title).Any(l => IsWorkLink(l.Url)))
            {
                for (var i = 0; i < cells.Count && i < columns.Count; i++)
                {
                    var inlines = Inlines(cells[i]);
                    if (columns[i] is Column.Title or Column.Code) continue;
                    var work = inlines.OfType<LinkInline>().FirstOrDefault(l => !l.IsImage && IsWorkLink(l.Url) && !IsGenericLabel(MarkdownInlines.TextOf(l)));
                    if (work is null) continue;
                    if (title is not null && MarkdownInlines.Text(title) is { Length: > 0 } label) notes.Add(label);
                    title = [work];
                    break;
                }
            }

            if (title is null || MarkdownInlines.Text(title).Length == 0)
            {
                yield return (line, null, "a table row with an empty title cell");
                continue;
            }

            var titleUrl = title.OfType<LinkInline>().Select(MarkdownInlines.UrlOf).FirstOrDefault();
            // Columns the header does not name ("Phase", "Concept") are notes on the work: short ones keywords, long ones its description.
            var ignored = CellsOf(cells, columns, Column.Ignored).Select(c => MarkdownInlines.Text(c)).Where(t => t.Length > 0 && !notes.Contains(t)).ToList();
            notes.AddRange(ignored.Where(t => t.Length <= 40));
            yield return (line, new AwesomeEntry(line, section, title)
            {
                TablePeople = Text(cells, columns, Column.Authors),
                TableVenue = Text(cells, columns, Column.Venue),
                TableYear = Text(cells, columns, Column.Year),
                TableDescription = Text(cells, columns, Column.Description) ?? ignored.FirstOrDefault(t => t.Length > 40),
                TableCode = CellsOf(cells, columns, Column.Code).SelectMany(c => MarkdownInlines.Links(c)).ToList(),
                TableLinks = CellsOf(cells, columns, Column.Link).SelectMany(c => MarkdownInlines.Links(c)).Where(l => l.Url != titleUrl).ToList(),
                TableKeywords = [.. Text(cells, columns, Column.Keywords) is { } k ? FormatsText.SplitList(k) : [], .. notes],
            }, null);
        }
    }

    /// <summary>A paper's or a repository's address (a relative "pages/x.md" is a page of the list itself).</summary>
    private static bool IsWorkLink(string? url) =>
        PaperEvidence.IsPaperLink(url) || Normalization.RepositoryUrl.Normalize(url) is not null;

    private static bool IsGenericLabel(string label) =>
        label.Trim().ToLowerInvariant() is "arxiv" or "pdf" or "paper" or "link" or "code" or "github" or "html" or "abs" or "openreview" or "doi" or "here";

    private static Column ColumnOf(string header)
    {
        var h = header.ToLowerInvariant();
        bool Has(params string[] words) => words.Any(w => h.Contains(w, StringComparison.Ordinal));
        if (Has("author", "people")) return Column.Authors;
        if (Has("venue", "conference", "journal", "published", "publication", "proceedings")) return Column.Venue;
        if (Has("year", "date", "when")) return Column.Year;
        if (Has("code", "github", "repo", "implementation")) return Column.Code;
        if (Has("link", "url", "pdf", "arxiv", "website", "homepage")) return Column.Link;
        if (Has("title", "paper", "name", "work", "project", "model", "dataset", "resource")) return Column.Title;
        if (Has("description", "summary", "note", "comment", "about")) return Column.Description;
        if (Has("keyword", "tag", "topic")) return Column.Keywords;
        return Column.Ignored;
    }

    private static IEnumerable<List<Inline>> CellsOf(List<TableCell> cells, List<Column> columns, Column column)
    {
        for (var i = 0; i < cells.Count && i < columns.Count; i++)
        {
            if (columns[i] == column) yield return Inlines(cells[i]);
        }
    }

    private static List<Inline>? Cell(List<TableCell> cells, List<Column> columns, Column column) =>
        CellsOf(cells, columns, column).FirstOrDefault();

    private static string? Text(List<TableCell> cells, List<Column> columns, Column column) =>
        Cell(cells, columns, column) is { } inlines && MarkdownInlines.Text(inlines) is { Length: > 0 } text ? text : null;

    private static List<Inline> Inlines(TableCell cell) =>
        [.. cell.OfType<ParagraphBlock>().SelectMany(p => MarkdownInlines.Children(p.Inline))];

    private static string CellText(TableCell cell) => MarkdownInlines.Text(Inlines(cell));
}
