using System.Diagnostics.CodeAnalysis;

namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// An absolute address parsed once for the questions asked of it in a row. Deciding an item asks its address whether it is a web
/// link, an image or a badge, an arXiv paper, a paper host, a course page, and each question made its own Uri (with its UriInfo,
/// MoreInfo, host and path strings: 250k-item list, ~300 MB of the parse). The last text parsed on this thread is kept with its
/// result and matched by reference, so a question about the same string (an item's Url, trimmed to itself) reuses the Uri, and
/// any other text is parsed as before.
/// </summary>
internal static class AbsoluteUri
{
    [ThreadStatic]
    private static string? _lastText;

    [ThreadStatic]
    private static Uri? _lastUri;

    /// <summary><see cref="Uri.TryCreate(string, UriKind, out Uri)"/> with <see cref="UriKind.Absolute"/>, the last result reused for the same string.</summary>
    public static bool TryCreate(string text, [NotNullWhen(true)] out Uri? uri)
    {
        if (!ReferenceEquals(text, _lastText))
        {
            _ = Uri.TryCreate(text, UriKind.Absolute, out var created);
            (_lastText, _lastUri) = (text, created);
        }

        uri = _lastUri;
        return uri is not null;
    }
}
