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
        var columns = header is null ? [] : header.OfType<TableCell>().Select(c => ColumnOf(CellText(c))).ToList();
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
            if (title is null || MarkdownInlines.Text(title).Length == 0)
            {
                yield return (line, null, "a table row with an empty title cell");
                continue;
            }

            yield return (line, new AwesomeEntry(line, section, title)
            {
                TablePeople = Text(cells, columns, Column.Authors),
                TableVenue = Text(cells, columns, Column.Venue),
                TableYear = Text(cells, columns, Column.Year),
                TableDescription = Text(cells, columns, Column.Description),
                TableCode = CellsOf(cells, columns, Column.Code).SelectMany(c => MarkdownInlines.Links(c)).ToList(),
                TableLinks = CellsOf(cells, columns, Column.Link).SelectMany(c => MarkdownInlines.Links(c)).ToList(),
                TableKeywords = Text(cells, columns, Column.Keywords) is { } k ? FormatsText.SplitList(k) : [],
            }, null);
        }
    }

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
