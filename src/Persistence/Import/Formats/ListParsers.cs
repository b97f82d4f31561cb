namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>The parser for each format name used in seed/sources.json, and the one a list's text calls for when it names none.</summary>
internal static class ListParsers
{
    private static readonly AwesomeMarkdownParser General = new();

    private static readonly FlattenedTextParser Flattened = new();

    private static readonly Dictionary<string, IListParser> ByFormat = new IListParser[]
    {
        General,
        new LouieworthMarkdownParser(),
        new OpenDilabMarkdownParser(),
        new LlmTrainingMarkdownParser(),
        Flattened,
    }.ToDictionary(p => p.Format, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Formats => ByFormat.Keys;

    public static IListParser? For(string format) => ByFormat.GetValueOrDefault(format);

    /// <summary>
    /// The format a list's text shows: a Markdown list flattened to one very long line (003: 41 KB, no line breaks)
    /// is read by the flattened-text parser; anything else by the general Markdown reader.
    /// </summary>
    public static IListParser Detect(string text)
    {
        var lines = text.AsSpan().Trim().Count('\n') + 1;
        return lines <= 3 && text.Length > 2000 ? Flattened : General;
    }
}
