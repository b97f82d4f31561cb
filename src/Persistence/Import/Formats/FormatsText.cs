using System.Buffers;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>Small text helpers shared by the parsers.</summary>
internal static class FormatsText
{
    private static readonly SearchValues<char> ListSeparators = SearchValues.Create(",，");

    /// <summary>White space runs to one space, trimmed.</summary>
    /// <remarks>
    /// Most text reaching here is collapsed already (the inline text of <see cref="MarkdownInlines.Text(IEnumerable{Markdig.Syntax.Inlines.Inline})"/>,
    /// then collapsed again by the byline reader), and is returned as it is: a StringBuilder per call was 363 MB of the
    /// 250k-item list's parse.
    /// </remarks>
    public static string Collapse(string text)
    {
        if (IsCollapsed(text)) return text;
        var collapsed = new CollapsedText(text.Length);
        collapsed.Append(text);
        return collapsed.ToStringAndReturn();
    }

    /// <summary>Whether <see cref="Collapse"/> would return the text unchanged: no white space at either end, and none but single spaces within.</summary>
    internal static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length - 1; i++)
        {
            var ch = text[i];
            if (char.IsWhiteSpace(ch) && (ch != ' ' || char.IsWhiteSpace(text[i + 1]))) return false;
        }

        return true;
    }

    /// <summary>A comma list, also split on the full-width comma one list uses ("reference， Imitation learning"); never on ';' ("TL;DR").</summary>
    public static List<string> SplitList(string text)
    {
        var list = new List<string>();
        AddList(text, list, null);
        return list;
    }

    /// <summary>
    /// <see cref="SplitList"/>'s entries added to <paramref name="list"/>, each the pool's one string for its value: the entries are
    /// read from the text in place, so an entry the pool holds already costs nothing (250k-item list: 98 MB of strings and 73 MB of
    /// split arrays were the field lines' keywords and dataset names, most of them repeats).
    /// </summary>
    public static void AddList(ReadOnlySpan<char> text, List<string> list, StringPool? pool)
    {
        foreach (var range in text.SplitAny(ListSeparators))
        {
            // As string.Split with TrimEntries and RemoveEmptyEntries, then a trailing '.' off, then empty ones out.
            var entry = text[range].Trim().TrimEnd('.');
            if (entry.Length > 0) list.Add(pool is null ? entry.ToString() : pool.Get(entry));
        }
    }
}
