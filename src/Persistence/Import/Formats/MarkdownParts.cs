using Markdig;
using Markdig.Syntax;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Parses a list one part at a time: every heading at the start of a line ("# …" to "###### …") begins a new Markdig
/// document, whose lines are shifted to the file's, so a reader walking the parts in order sees the blocks, lines and
/// headings of the whole document while only one section's syntax tree is alive (a 105 MB list as one document held
/// ≈ 2 GB); a long section is cut again before a bullet, so a part is at most about 128 K characters whatever the
/// list (its syntax tree, a few megabytes, then mostly dies young: 250k-item list, parsing 16–17 → 12 s,
/// docs/benchmarks.md §13). A heading at the start of a line closes every open block but two, so the parts parse
/// exactly as the whole does: a fenced code block or an HTML block can run on over it ("```" then "# comment"; "&lt;div&gt;" then
/// "# Title"), so a part that ends inside, or on, one of those is joined with the next. Link reference definitions
/// are read document-wide ("[x]: url" may come after its use), so a list that could hold one is parsed whole.
/// </summary>
internal static class MarkdownParts
{
    /// <summary>
    /// The documents of <paramref name="text"/> in order; each is dropped by the reader before the next is parsed. A
    /// section longer than <paramref name="longPart"/> characters is cut again before a bullet at the start of a line,
    /// which closes every open block but the same two, and a list cut there is two lists of the same items (a section of
    /// a generated list holds 30 000 items; the readers walk items, not lists).
    /// </summary>
    public static IEnumerable<MarkdownDocument> Parse(string text, MarkdownPipeline pipeline, int longPart = 1 << 17)
    {
        if (text.Contains("]:", StringComparison.Ordinal))
        {
            yield return Markdown.Parse(text, pipeline);
            yield break;
        }

        var collectAt = text.Length >= LargeImport.TextLength ? text.Length / 4 : int.MaxValue;
        // Markdig takes about half of a large list's parsing (100 MB: 6.8 s of ≈ 16 s): the next part is parsed while the
        // reader walks this one. A list of one part has nothing to overlap.
        var parts = text.Length > longPart ? ReadAhead.Of(Documents(text, pipeline, longPart)) : Documents(text, pipeline, longPart);
        foreach (var (document, end) in parts)
        {
            yield return document;
            if (end >= collectAt)
            {
                // The parts' syntax trees outlive the young generations and die in the oldest: on a 100 MB list they made half
                // of parsing's peak. Every quarter, not eighth: parsing peaks well below the merge, and a collection costs more
                // as the items pile up (250k-item list: docs/benchmarks.md §13).
                LargeImport.Collect();
                collectAt = end + (text.Length / 4);
            }
        }
    }

    /// <summary>The parts in order, each with the offset its text ends at; lines already shifted to the file's.</summary>
    private static IEnumerable<(MarkdownDocument Document, int End)> Documents(string text, MarkdownPipeline pipeline, int longPart)
    {
        var starts = Starts(text);
        var (start, firstLine) = (0, 0);
        for (var next = 0; next <= starts.Count; next++)
        {
            var isLast = next == starts.Count;
            if (!isLast && !starts[next].IsHeading && starts[next].Offset - start < longPart) continue;
            var end = isLast ? text.Length : starts[next].Offset;
            // After the first part, a blank line goes before the part's first line: it changes no block, and it puts every
            // node Markdig places at line 1 or below, so the line 0 it gives a node it never placed ("[" left from an
            // unmatched bracket) stays 0 in the part as in the whole document.
            var document = start == 0 ? Markdown.Parse(text[..end], pipeline) : Markdown.Parse(string.Concat("\n", text.AsSpan(start, end - start)), pipeline);
            // The line that ends this part could be the content of a block still open at its end: join the two.
            if (!isLast && MayRunOn(document)) continue;
            if (start > 0)
            {
                foreach (var node in document.Descendants())
                {
                    if (node.Line > 0) node.Line += firstLine - 1;
                }
            }

            yield return (document, end);
            if (!isLast) (start, firstLine) = (starts[next].Offset, starts[next].Line);
        }
    }

    /// <summary>
    /// Where each line that could start a part begins (its character offset and 0-based line number): an ATX heading,
    /// or a bullet ("- ", "* ", "+ "), with no indentation (an indented one may belong to a list item above it).
    /// </summary>
    internal static List<(int Offset, int Line, bool IsHeading)> Starts(string text)
    {
        var starts = new List<(int, int, bool)>();
        var line = 0;
        var at = 0;
        while (at < text.Length)
        {
            if (at > 0)
            {
                var rest = text.AsSpan(at);
                if (IsAtxHeading(rest)) starts.Add((at, line, true));
                else if (IsBullet(rest)) starts.Add((at, line, false));
            }

            // Markdig ends a line at "\n", "\r\n" or a lone "\r"; the line numbers here must be its line numbers.
            var end = text.AsSpan(at).IndexOfAny('\r', '\n');
            if (end < 0) break;
            at += end;
            at += text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
            line++;
        }

        return starts;
    }

    /// <summary>"- x", "* x" or "+ x", but not a line of only "-", "*", "_" and spaces, which may be a thematic break ("* * *").</summary>
    private static bool IsBullet(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 3 || rest[0] is not ('-' or '*' or '+') || rest[1] != ' ') return false;
        var end = rest.IndexOfAny('\r', '\n');
        var line = end < 0 ? rest : rest[..end];
        return line.IndexOfAnyExcept("-*_ \t") >= 0;
    }

    /// <summary>"#" to "######" then a space, a tab or the end of the line, with no indentation (an indented one may belong to a list item).</summary>
    private static bool IsAtxHeading(ReadOnlySpan<char> rest)
    {
        var hashes = 0;
        while (hashes < rest.Length && rest[hashes] == '#') hashes++;
        if (hashes is 0 or > 6) return false;
        return hashes == rest.Length || rest[hashes] is ' ' or '\t' or '\r' or '\n';
    }

    /// <summary>True when the part's last block is one a following line could continue: a fenced code block or an HTML block.</summary>
    private static bool MayRunOn(MarkdownDocument document)
    {
        Block? last = document.LastChild;
        while (last is ContainerBlock { LastChild: { } child }) last = child;
        return last is FencedCodeBlock or HtmlBlock;
    }
}
