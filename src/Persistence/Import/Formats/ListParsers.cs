namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>The parser for each format name used in seed/sources.json.</summary>
internal static class ListParsers
{
    private static readonly Dictionary<string, IListParser> ByFormat = new IListParser[]
    {
        new LouieworthMarkdownParser(),
        new OpenDilabMarkdownParser(),
        new LlmTrainingMarkdownParser(),
        new FlattenedTextParser(),
    }.ToDictionary(p => p.Format, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Formats => ByFormat.Keys;

    public static IListParser? For(string format) => ByFormat.GetValueOrDefault(format);
}
