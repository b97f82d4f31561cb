using RlhfGraph.Persistence.Import.Normalization;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Images, badges and anchors are never works, whichever parser read them: an item whose only address is one, or whose title is an
/// image's file name (003's flattened "Overview of RLHF+LLM%2BLLM….JPG", the slides opendilab links as a blog), is reported as
/// skipped with that reason.
/// </summary>
internal static class NotAWork
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"];

    public static ParsedList Screen(string source, IReadOnlyList<ListItem> items, IReadOnlyList<SkippedItem> skipped)
    {
        List<ListItem>? kept = null;
        List<SkippedItem>? reported = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!IsImage(item))
            {
                kept?.Add(item);
                continue;
            }

            kept ??= [.. items.Take(i)];
            reported ??= [.. skipped];
            reported.Add(new SkippedItem(source, item.Line, $"an image, a badge or an anchor, not a work: \"{AwesomeEntry.Snippet(item.Title)}\" ({item.Url ?? "no link"})"));
        }

        if (reported is null) return new ParsedList(source, items, skipped);
        reported.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ParsedList(source, kept!, reported);
    }

    private static bool IsImage(ListItem item) =>
        (LinkEvidence.IsImageBadgeOrAnchor(item.Url) && item.Links.Count == 0 && item.ArxivId is null)
        || HasImageExtension(item.Title);

    // A loop, not a closure over the title per item (250k-item list: 16 MB).
    private static bool HasImageExtension(string title)
    {
        foreach (var extension in ImageExtensions)
        {
            if (title.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }
}
