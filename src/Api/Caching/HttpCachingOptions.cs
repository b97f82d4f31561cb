namespace RlhfGraph.Api.Caching;

/// <summary>The "HttpCaching" section: ETags and Cache-Control for queries sent with GET.</summary>
public sealed class HttpCachingOptions
{
    public const string SectionName = "HttpCaching";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Cache-Control of a successful GET. "no-cache" lets browsers and CDNs keep the answer but ask each time, which
    /// costs a 304 until an import changes the data; "public, max-age=60" would skip even that, at the price of
    /// answers up to a minute older than an import.
    /// </summary>
    public string CacheControl { get; set; } = "public, no-cache";
}
