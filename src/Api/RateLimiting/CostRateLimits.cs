using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>Every client's cost window, partitioned by client (API key when configured and sent, else IP address).</summary>
internal sealed class CostRateLimits : IDisposable
{
    /// <summary>Longest API key taken as a partition key as it is; longer ones are hashed, so memory per client stays small.</summary>
    private const int MaxKeyLength = 128;

    private readonly PartitionedRateLimiter<string> _limiter;

    public CostRateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        Options = options.Value;
        var (budget, window) = (Options.Budget, Options.Window);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.Get(client, _ => new CostWindowLimiter(budget, window, time)));
    }

    public RateLimitOptions Options { get; }

    public string ClientOf(HttpContext context)
    {
        if (Options.ApiKeyHeader is { Length: > 0 } header && context.Request.Headers[header].ToString() is { Length: > 0 } key)
            return "key:" + (key.Length <= MaxKeyLength ? key : Persisted.DocumentHash.Of(key));
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Takes <paramref name="points"/> from the client's window if they fit; 0 only asks whether anything is left.</summary>
    public RateLimitLease Acquire(string client, int points) => _limiter.AttemptAcquire(client, points);

    public void Dispose() => _limiter.Dispose();
}
