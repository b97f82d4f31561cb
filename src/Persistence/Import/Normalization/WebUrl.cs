namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Identity of a web page link: the same talk is linked as `youtube.com/watch?v=hhiLw5Q_UFg&amp;t=3206s` (000:196)
/// and `youtube.com/watch?v=hhiLw5Q_UFg` (001:312). Scheme, "www.", case of the host, trailing slashes,
/// fragments and YouTube's start-time parameter do not change the page.
/// </summary>
internal static class WebUrl
{
    /// <summary>The page's key ("youtube.com/watch?v=hhiLw5Q_UFg"), or null for text that is not an absolute http(s) URL.</summary>
    public static string? Key(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !AbsoluteUri.TryCreate(url.Trim(), out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var path = uri.AbsolutePath.TrimEnd('/');
        var query = uri.Query.TrimStart('?');
        if (host is "youtube.com" or "m.youtube.com" && path == "/watch")
        {
            var video = query.Split('&').FirstOrDefault(p => p.StartsWith("v=", StringComparison.Ordinal));
            return video is null ? null : $"youtube.com/watch?{video}";
        }

        if (host == "youtu.be") return $"youtube.com/watch?v={path.TrimStart('/')}";
        return query.Length == 0 ? $"{host}{path}" : $"{host}{path}?{query}";
    }
}
