namespace RlhfGraph.Persistence.Import.Normalization;

/// <summary>
/// Identity of a web page link: the same talk is linked as `youtube.com/watch?v=hhiLw5Q_UFg&amp;t=3206s` (000:196)
/// and `youtube.com/watch?v=hhiLw5Q_UFg` (001:312). Scheme, "www.", case of the host, trailing slashes,
/// fragments and YouTube's start-time parameter do not change the page.
/// </summary>
internal static class WebUrl
{
    // Hosts whose subdomain is a project's (or its owner's) own site.
    private static readonly string[] ProjectHosts = [".github.io", ".gitlab.io", ".readthedocs.io", ".netlify.app", ".vercel.app", ".pages.dev"];

    /// <summary>The page's key ("youtube.com/watch?v=hhiLw5Q_UFg"), or null for text that is not an absolute http(s) URL.</summary>
    public static string? Key(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !AbsoluteUri.TryCreate(url.Trim(), out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        var host = SiteOf(uri);
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

    /// <summary>
    /// What a page that is not a repository is called, from its address alone: its last path segment ("huggingface.co/docs/trl/index"
    /// → "trl": "index" and "main" name nothing), else a project site's own name ("rl-diffusion.github.io" → "rl-diffusion"), else
    /// its host ("carper.ai"); null for text that is not an absolute http(s) URL.
    /// </summary>
    public static string? Name(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !AbsoluteUri.TryCreate(url.Trim(), out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;
        var segment = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault(s => !s.StartsWith("index", StringComparison.OrdinalIgnoreCase) && !s.Equals("main", StringComparison.OrdinalIgnoreCase));
        if (segment is not null) return Uri.UnescapeDataString(segment);
        var host = SiteOf(uri);
        foreach (var projectHost in ProjectHosts)
        {
            if (host.EndsWith(projectHost, StringComparison.Ordinal) && host.Length > projectHost.Length) return host[..^projectHost.Length];
        }

        return host;
    }

    /// <summary>The address's host in lower case, without "www." ("www.OpenAI.com" → "openai.com").</summary>
    internal static string SiteOf(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
