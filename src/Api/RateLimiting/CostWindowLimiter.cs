using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>
/// One client's budget: a fixed window of <c>budget</c> points that starts at its first request and resets whole, as
/// GitHub's. A System.Threading.RateLimiting limiter (CostRateLimits keeps one per client in a bounded table); the built-in FixedWindowRateLimiter is not used because it neither says when its window resets (X-RateLimit-Reset)
/// nor accepts a request costing more than what is left in a window without throwing.
/// Acquiring 0 points asks "is anything left?" and, like any lease, carries the window's figures.
/// </summary>
internal sealed class CostWindowLimiter(int budget, TimeSpan window, TimeProvider time) : RateLimiter
{
    private readonly Lock _lock = new();
    private DateTimeOffset _resetsAt = DateTimeOffset.MinValue;
    private long _used;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                return now >= _resetsAt ? now - _resetsAt : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock) return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, budget - CurrentUsed()) };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _resetsAt)
            {
                _resetsAt = now + window;
                _used = 0;
            }

            var granted = permitCount == 0 ? _used < budget : _used + permitCount <= budget;
            if (granted) _used += permitCount;
            return new Lease(granted, new CostWindowState(budget, _used, _resetsAt, granted ? null : _resetsAt - now));
        }
    }

    /// <summary>Adds <paramref name="points"/> to the window even past the budget: for work already done.</summary>
    public void Charge(int points)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now >= _resetsAt)
            {
                _resetsAt = now + window;
                _used = 0;
            }

            _used += points;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private long CurrentUsed() => time.GetUtcNow() >= _resetsAt ? 0 : _used;

    private sealed class Lease(bool acquired, CostWindowState state) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => state.RetryAfter is null ? [CostWindowState.MetadataName] : [CostWindowState.MetadataName, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == CostWindowState.MetadataName ? state
                : metadataName == MetadataName.RetryAfter.Name && state.RetryAfter is { } retry ? retry
                : null;
            return metadata is not null;
        }
    }
}

/// <summary>A client's window as a lease saw it: what the X-RateLimit-* headers say.</summary>
internal sealed record CostWindowState(int Limit, long Used, DateTimeOffset ResetsAt, TimeSpan? RetryAfter)
{
    public const string MetadataName = "RLHFGRAPH_COST_WINDOW";

    public long Remaining => Math.Max(0, Limit - Used);

    public static bool TryRead(RateLimitLease lease, [NotNullWhen(true)] out CostWindowState? state)
    {
        state = lease.TryGetMetadata(MetadataName, out var value) ? value as CostWindowState : null;
        return state is not null;
    }
}
