using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RlhfGraph.Api.Observability;

/// <summary>The API's own trace source and meter (both named <see cref="Name"/>), and the instruments on it.</summary>
internal static class GraphQLTelemetry
{
    public const string Name = "RlhfGraph";

    public const string Anonymous = "(anonymous)";

    /// <summary>Distinct operation names used as tags; past this they are "(other)", so a client inventing names cannot blow up the metrics.</summary>
    public const int MaxOperationNames = 200;

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "rlhfgraph.graphql.operation.duration", "s", "Time to execute one GraphQL operation, by operation name.");

    public static readonly Histogram<double> Cost = Meter.CreateHistogram<double>(
        "rlhfgraph.graphql.operation.cost", "{point}", "Estimated cost of each operation that reached execution.");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "rlhfgraph.graphql.errors", "{error}", "GraphQL errors answered, by extensions.code.");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "rlhfgraph.http.cache.hits", "{response}", "GET requests answered 304 Not Modified without executing.");

    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "rlhfgraph.ratelimit.throttled", "{request}", "Requests refused with 429 because the client's cost budget was spent.");

    private static readonly ConcurrentDictionary<string, byte> Names = new(StringComparer.Ordinal);

    /// <summary>The operation name as a tag value, bounded in number.</summary>
    public static string TagOf(string name)
    {
        if (Names.ContainsKey(name)) return name;
        if (Names.Count >= MaxOperationNames) return "(other)";
        Names.TryAdd(name, 0);
        return name;
    }
}
