using System.Collections.Frozen;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>
/// Every client's cost window, by client (a configured API key when sent, else the IP address), in a table bounded
/// in entries and bytes: when either bound is reached the client seen longest ago is dropped (least recently used).
/// </summary>
internal sealed class CostRateLimits : IDisposable
{
    /// <summary>What one entry costs besides its key: the window, the list node, the dictionary slot.</summary>
    internal const int EntryOverheadBytes = 160;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Client, CostWindowLimiter Window)>> _clients = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Client, CostWindowLimiter Window)> _recent = new();
    private readonly FrozenSet<string> _keys;
    private readonly TimeProvider _time;
    private long _bytes;

    public CostRateLimits(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        Options = options.Value;
        _time = time;
        _keys = Options.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).ToFrozenSet(StringComparer.Ordinal);
    }

    public RateLimitOptions Options { get; }

    /// <summary>
    /// Points for work that ran no operation (a refusal, a registration): one per
    /// <see cref="RateLimitOptions.RefusalBytesPerPoint"/> bytes, at least <see cref="RateLimitOptions.RefusalMinimum"/>.
    /// </summary>
    public int RefusalPoints(long bytes)
    {
        var perPoint = Math.Max(1, Options.RefusalBytesPerPoint);
        return (int)Math.Clamp((bytes + perPoint - 1) / perPoint, Math.Max(1, Options.RefusalMinimum), int.MaxValue);
    }

    /// <summary>Clients remembered now, and the bytes they take by <see cref="SizeOf"/>.</summary>
    internal (int Clients, long Bytes) Size
    {
        get
        {
            lock (_lock) return (_clients.Count, _bytes);
        }
    }

    public string ClientOf(HttpContext context)
    {
        if (Options.ApiKeyHeader is { Length: > 0 } header && context.Request.Headers[header].ToString() is { Length: > 0 } key && _keys.Contains(key))
            return "key:" + Persisted.DocumentHash.Of(key);  // a fixed 68 characters, whatever the key's length
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Takes <paramref name="points"/> from the client's window if they fit; 0 only asks whether anything is left.</summary>
    public RateLimitLease Acquire(string client, int points) => WindowOf(client).AttemptAcquire(points);

    /// <summary>Charges <paramref name="points"/> whether or not they fit (work already done is paid for, past the budget if need be).</summary>
    public void Charge(string client, int points) => WindowOf(client).Charge(points);

    internal static long SizeOf(string client) => EntryOverheadBytes + (2L * client.Length);

    private CostWindowLimiter WindowOf(string client)
    {
        lock (_lock)
        {
            if (_clients.TryGetValue(client, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Window;
            }

            var size = SizeOf(client);
            while (_recent.Last is { } oldest && (_clients.Count >= Options.MaxClients || _bytes + size > Options.MaxClientBytes))
            {
                _recent.RemoveLast();
                _clients.Remove(oldest.Value.Client);
                _bytes -= SizeOf(oldest.Value.Client);
                oldest.Value.Window.Dispose();
            }

            var window = new CostWindowLimiter(Options.Budget, Options.Window, _time);
            _clients[client] = _recent.AddFirst((client, window));
            _bytes += size;
            return window;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (_, window) in _recent) window.Dispose();
            _recent.Clear();
            _clients.Clear();
        }
    }
}
