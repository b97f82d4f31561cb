using System.Text;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>Small text helpers shared by the parsers.</summary>
internal static class FormatsText
{
    /// <summary>White space runs to one space, trimmed.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>A comma list, also split on the full-width comma one list uses ("reference， Imitation learning"); never on ';' ("TL;DR").</summary>
    public static List<string> SplitList(string text) =>
        [.. text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd('.'))
            .Where(s => s.Length > 0)];
}
