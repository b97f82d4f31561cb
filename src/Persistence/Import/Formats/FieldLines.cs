using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The labelled detail lines of the opendilab lists, Markdown (001) or flattened (003): `Keyword:`,
/// `Code:`, `Dataset:` (and the `Dataset;` typo), `Env:`, `Task:`; the first unlabelled line is the authors.
/// </summary>
internal sealed partial class FieldLines(StringPool? pool = null)
{
    public List<string> People { get; } = [];

    public bool Truncated { get; private set; }

    public List<string> Keywords { get; } = [];

    public List<string> Environments { get; } = [];

    public List<string> Tasks { get; } = [];

    public List<ListLink> Code { get; } = [];

    public List<ListLink> Datasets { get; } = [];

    /// <summary>
    /// Empties the fields for the next item: one reader serves a whole list, its lists' room reused, since an item copies its fields
    /// into arrays of their own (250k-item list: a reader, six lists and their growing arrays per item were ~90 MB).
    /// </summary>
    public void Clear()
    {
        People.Clear();
        Truncated = false;
        Keywords.Clear();
        Environments.Clear();
        Tasks.Clear();
        Code.Clear();
        Datasets.Clear();
    }

    /// <summary>Whether a detail line is one of the labelled ones (`Keyword:`, `Code:`, …) rather than a byline or a description.</summary>
    public static bool IsLabelled(string text) => Label().IsMatch(text);

    /// <summary>Reads one Markdown detail line, links included.</summary>
    /// <remarks>
    /// The line's text is read where it is written, in a rented buffer, and its links only for the labels that take them (tasks,
    /// code, datasets): a string of every detail line and a list of its links were 107 MB and 28 MB (250k-item list).
    /// </remarks>
    public void Read(List<Inline> inlines)
    {
        var text = new CollapsedText(256);
        try
        {
            MarkdownInlines.WriteText(ref text, inlines);
            Read(text.Written, null, inlines);
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>Reads one detail line given as text and the links it contained (none for the flattened list).</summary>
    public void Read(string text, IReadOnlyList<ListLink> links) => Read(text, links, null);

    /// <remarks>
    /// The label and the value are read from where the match lies, not from a Match's groups, and the lists' entries straight
    /// into the pool (250k-item list: Match and Group objects, their int[] and the label's lower-case copy were 300 MB of the
    /// field lines' 923 MB; LINQ over the entries another 110 MB). The links are given, or read from <paramref name="inlines"/> when needed.
    /// </remarks>
    private void Read(ReadOnlySpan<char> text, IReadOnlyList<ListLink>? links, List<Inline>? inlines)
    {
        if (!TryLabel(text, out var labelLength, out var value))
        {
            if (People.Count == 0 && !Truncated)
            {
                Truncated = Byline.AddPeople(text, pool, People);
            }

            return;
        }

        // As ToLowerInvariant of the label: 12 letters at most ("environments"), each matched by one character.
        Span<char> label = stackalloc char[labelLength];
        text[..labelLength].ToLowerInvariant(label);
        // Read by index below: a foreach over the read-only list boxed an enumerator per line (250k-item list: 13 MB).
        if (label is not ("keyword" or "keywords" or "env" or "envs" or "environment" or "environments"))
            links ??= MarkdownInlines.Links(inlines!);
        switch (label)
        {
            case "keyword" or "keywords":
                FormatsText.AddList(value, Keywords, pool);
                break;
            case "env" or "envs" or "environment" or "environments":
                FormatsText.AddList(value, Environments, pool);
                break;
            case "task" or "tasks":
                // A task is a phrase, often with commas of its own ("Toolkit for creating, Sharing and using …").
                if (links!.Count > 0)
                {
                    for (var i = 0; i < links.Count; i++) Tasks.Add(Pooled(links[i].Label));
                }
                else if (value.Length > 0)
                {
                    Tasks.Add(Pooled(value.TrimEnd('.')));
                }

                break;
            case "code":
                if (links!.Count > 0)
                {
                    for (var i = 0; i < links.Count; i++) Code.Add(links[i] with { Label = Pooled(links[i].Label) });
                }
                else if (value.Length > 0)
                {
                    Code.Add(new ListLink(Pooled(value.ToString().ToLowerInvariant()), null));
                }

                break;
            default:
                if (links!.Count > 0)
                {
                    for (var i = 0; i < links.Count; i++) Datasets.Add(new ListLink(Pooled(links[i].Label), links[i].Url is { } url ? Pooled(url) : null));
                }
                else
                {
                    var names = new List<string>();
                    FormatsText.AddList(value, names, pool);
                    foreach (var name in names) Datasets.Add(new ListLink(name, null));
                }

                break;
        }
    }

    /// <summary>
    /// Whether the text is a labelled line, with the label's length and the value (trimmed) if so. The label is the line's start
    /// up to the white space or the ':' or ';' after it (a label is letters only, and the pattern has one of those next); the
    /// value starts after that ':' or ';' (the first character after the label that is not white space) and ends where the match does.
    /// </summary>
    private static bool TryLabel(ReadOnlySpan<char> text, out int labelLength, out ReadOnlySpan<char> value)
    {
        // The pattern is anchored at the start: one match at most.
        var matches = Label().EnumerateMatches(text);
        if (!matches.MoveNext())
        {
            labelLength = 0;
            value = default;
            return false;
        }

        // The pattern's \s is char.IsWhiteSpace.
        labelLength = 0;
        while (!char.IsWhiteSpace(text[labelLength]) && text[labelLength] is not (':' or ';')) labelLength++;
        var separator = labelLength;
        while (char.IsWhiteSpace(text[separator])) separator++;
        var end = matches.Current.Index + matches.Current.Length;
        value = text.Slice(separator + 1, end - separator - 1).Trim();
        return true;
    }

    private string Pooled(string value) => pool?.Get(value) ?? value;

    private string Pooled(ReadOnlySpan<char> value) => pool?.Get(value) ?? value.ToString();

    [GeneratedRegex(@"^(?<label>Keywords?|Code|Datasets?|Envs?|Environments?|Tasks?)\s*[:;]\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
