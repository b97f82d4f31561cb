namespace RlhfGraph.Api.Observability;

/// <summary>What the GraphQL executer made of one HTTP request, for the middlewares that decide headers after it (caching, rate limits).</summary>
internal sealed class GraphQLOperationFeature
{
    public string OperationName { get; set; } = GraphQLTelemetry.Anonymous;

    /// <summary>The executer ran the operation (false: refused before, e.g. invalid, too costly, over budget).</summary>
    public bool Executed { get; set; }

    /// <summary>extensions.code of every error in the result (empty: a clean answer).</summary>
    public List<string> ErrorCodes { get; } = [];

    public double? Cost { get; set; }

    public int Statements { get; set; }

    /// <summary>The operation's cost was taken from its client's budget (so the request pays no refusal charge).</summary>
    public bool Charged { get; set; }

    /// <summary>Bytes of request body the endpoint read (null: none, or not read by the endpoint).</summary>
    public long? BodyBytes { get; set; }

    /// <summary>Set by the rate limiter when the operation's cost did not fit what was left of the budget.</summary>
    public TimeSpan? ThrottledFor { get; set; }

    /// <summary>Executed without any error: the same request against the same data version answers the same bytes.</summary>
    public bool Cacheable => Executed && ErrorCodes.Count == 0 && ThrottledFor is null;
}
