using System.Text.RegularExpressions;
using Markdig.Syntax.Inlines;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// The labelled detail lines of the opendilab lists, Markdown (001) or flattened (003): `Keyword:`,
/// `Code:`, `Dataset:` (and the `Dataset;` typo), `Env:`, `Task:`; the first unlabelled line is the authors.
/// </summary>
internal sealed partial class FieldLines(StringPool? pool = null)
{
    public List<string> People { get; private set; } = [];

    public bool Truncated { get; private set; }

    public List<string> Keywords { get; } = [];

    public List<string> Environments { get; } = [];

    public List<string> Tasks { get; } = [];

    public List<ListLink> Code { get; } = [];

    public List<ListLink> Datasets { get; } = [];

    /// <summary>Whether a detail line is one of the labelled ones (`Keyword:`, `Code:`, …) rather than a byline or a description.</summary>
    public static bool IsLabelled(string text) => Label().IsMatch(text);

    /// <summary>Reads one Markdown detail line, links included.</summary>
    public void Read(List<Inline> inlines) => Read(MarkdownInlines.Text(inlines), MarkdownInlines.Links(inlines));

    /// <summary>Reads one detail line given as text and the links it contained (none for the flattened list).</summary>
    public void Read(string text, IReadOnlyList<ListLink> links)
    {
        var match = Label().Match(text);
        if (!match.Success)
        {
            if (People.Count == 0 && !Truncated)
            {
                var (people, truncated) = Byline.SplitPeople(text);
                People = [.. people.Select(Pooled)];
                Truncated = truncated;
            }

            return;
        }

        var value = match.Groups["value"].Value.Trim();
        switch (match.Groups["label"].Value.ToLowerInvariant())
        {
            case "keyword" or "keywords":
                Keywords.AddRange(FormatsText.SplitList(value).Select(Pooled));
                break;
            case "env" or "envs" or "environment" or "environments":
                Environments.AddRange(FormatsText.SplitList(value).Select(Pooled));
                break;
            case "task" or "tasks":
                // A task is a phrase, often with commas of its own ("Toolkit for creating, Sharing and using …").
                if (links.Count > 0) Tasks.AddRange(links.Select(l => Pooled(l.Label)));
                else if (value.Length > 0) Tasks.Add(Pooled(value.TrimEnd('.')));
                break;
            case "code":
                if (links.Count > 0) Code.AddRange(links.Select(l => l with { Label = Pooled(l.Label) }));
                else if (value.Length > 0) Code.Add(new ListLink(Pooled(value.ToLowerInvariant()), null));
                break;
            default:
                if (links.Count > 0) Datasets.AddRange(links.Select(l => new ListLink(Pooled(l.Label), l.Url is null ? null : Pooled(l.Url))));
                else Datasets.AddRange(FormatsText.SplitList(value).Select(name => new ListLink(Pooled(name), null)));
                break;
        }
    }

    private string Pooled(string value) => pool?.Get(value) ?? value;

    [GeneratedRegex(@"^(?<label>Keywords?|Code|Datasets?|Envs?|Environments?|Tasks?)\s*[:;]\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();
}
