namespace RlhfGraph.Schema.Faults;

/// <summary>
/// HotChocolate's error codes for the conditions it has one for (src/HotChocolate/Core/src/Abstractions/ErrorCodes.cs in
/// ChilliCream/graphql-platform), so a client written against HotChocolate recognizes them; each error also carries the
/// name this API used before in extensions.legacyCode, so clients that matched those keep working.
/// </summary>
internal static class HotChocolateCodes
{
    /// <summary>ErrorCodes.Server.MaxRequestSize.</summary>
    public const string MaxRequestSize = "HC0010";

    /// <summary>ErrorCodes.Server.QueryAndIdMissing.</summary>
    public const string QueryAndIdMissing = "HC0013";

    /// <summary>ErrorCodes.Execution.Timeout.</summary>
    public const string Timeout = "HC0045";

    /// <summary>ErrorCodes.Validation.IntrospectionNotAllowed.</summary>
    public const string IntrospectionNotAllowed = "HC0046";

    /// <summary>ErrorCodes.Execution.OnlyPersistedOperationsAllowed.</summary>
    public const string OnlyPersistedOperationsAllowed = "HC0067";

    /// <summary>ErrorCodes.Execution.FetchedToManyNodesAtOnce.</summary>
    public const string FetchedTooManyNodesAtOnce = "HC0076";

    /// <summary>ErrorCodes.Paging.InvalidCursor.</summary>
    public const string InvalidCursor = "HC0078";

    /// <summary>ErrorCodes.Validation.MaxIntrospectionDepthOverflow.</summary>
    public const string MaxIntrospectionDepthOverflow = "HC0086";

    /// <summary>The extensions field that carries the code's name before HotChocolate's was adopted.</summary>
    public const string LegacyCodeField = "legacyCode";

    private static readonly Dictionary<string, string> Legacy = new(StringComparer.Ordinal)
    {
        [MaxRequestSize] = "HTTP_REQUEST_TOO_LARGE",
        [QueryAndIdMissing] = "HTTP_MISSING_QUERY",
        [Timeout] = "EXECUTION_TIMEOUT",
        [IntrospectionNotAllowed] = "INTROSPECTION_DISABLED",
        [OnlyPersistedOperationsAllowed] = "PERSISTED_OPERATIONS_ONLY",
        [FetchedTooManyNodesAtOnce] = "INVALID_ARGUMENT",
        [InvalidCursor] = "INVALID_CURSOR",
        [MaxIntrospectionDepthOverflow] = "INTROSPECTION_TOO_DEEP",
    };

    /// <summary>The name this API gave <paramref name="code"/> before, or null for a code that kept its name.</summary>
    public static string? LegacyOf(string? code) => code is not null && Legacy.TryGetValue(code, out var legacy) ? legacy : null;
}
