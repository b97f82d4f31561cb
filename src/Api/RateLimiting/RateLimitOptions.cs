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

    /// <summary>A header that names the client (e.g. "X-Api-Key"); unset or absent in a request: the client is its IP address.</summary>
    public string? ApiKeyHeader { get; set; }
}
