namespace RlhfGraph.Api.Http;

/// <summary>
/// The "Cors" section: which browser origins (dashboards elsewhere) may call /graphql. Empty: none, the default. Allowed
/// origins can read <see cref="ExposedHeaders"/>, so a browser app sees its rate limit, ETags and when to retry.
/// </summary>
public sealed class GraphQLCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>The response headers a browser lets an allowed origin's JavaScript read, besides the CORS-safelisted ones.</summary>
    public static readonly string[] ExposedHeaders =
        ["ETag", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Used", "X-RateLimit-Reset"];

    /// <summary>Origins such as "https://dashboard.example.org"; "*" allows any origin (without credentials).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Let browsers send cookies and HTTP authentication with cross-origin requests; needs explicit origins, never "*".</summary>
    public bool AllowCredentials { get; set; }

    /// <summary>How long a browser may cache a preflight answer (Access-Control-Max-Age); browsers cap it (Chromium: 2 hours).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}
