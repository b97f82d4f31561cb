namespace RlhfGraph.Api.RateLimiting;

/// <summary>The "RateLimits" section: a budget of cost points per client per window, GitHub-style.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Field-cost points one client may spend per window; one operation costs at most Limits:MaxFieldCost.</summary>
    public int Budget { get; set; } = 1_000_000;

    /// <summary>A fixed window starting at the client's first request, like GitHub's hour.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A header that names the client (e.g. "X-Api-Key"); unset or absent in a request: the client is its IP address.
    /// Only keys listed in <see cref="ApiKeys"/> count: a request with any other key is metered as its IP address,
    /// so a made-up key buys no budget (it is not refused, so clients without a key keep working).
    /// </summary>
    public string? ApiKeyHeader { get; set; }

    /// <summary>The API keys that get a budget of their own (e.g. RateLimits__ApiKeys__0=…); none by default.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>
    /// Most clients whose windows are remembered. Past it (or past <see cref="MaxClientBytes"/>) the client seen
    /// longest ago is forgotten; it starts a fresh window when it comes back, the price of a bounded table.
    /// </summary>
    public int MaxClients { get; set; } = 100_000;

    /// <summary>Most memory the client table may take, counting each client's key and window (about 200 bytes each).</summary>
    public long MaxClientBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// What a request that ran nothing costs (refused, invalid, too large, an APQ registration's text): at least
    /// this many points, more for more bytes read (see <see cref="RefusalBytesPerPoint"/>).
    /// </summary>
    public int RefusalMinimum { get; set; } = 10;

    /// <summary>Bytes of request (body or query string) per point charged to a request that ran nothing: 1 MB is about 10,000 points.</summary>
    public int RefusalBytesPerPoint { get; set; } = 100;
}
