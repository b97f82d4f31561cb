using GraphQL;

namespace RlhfGraph.Schema.Querying;

/// <summary>A client mistake in query arguments, reported as a GraphQL error with a stable extensions.code.</summary>
internal sealed class QueryError : ExecutionError
{
    public QueryError(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public const string InvalidFilter = "INVALID_FILTER";
    public const string InvalidOrder = "INVALID_ORDER";
    /// <summary>HotChocolate's ErrorCodes.Paging.MaxPaginationItems: first/last above the maximum page size.</summary>
    public const string MaxPaginationItems = "HC0051";

    /// <summary>HotChocolate's ErrorCodes.Paging.MinPaginationItems: a negative first/last.</summary>
    public const string MinPaginationItems = "HC0079";
    /// <summary>HotChocolate's ErrorCodes.Paging.InvalidCursor (was INVALID_CURSOR, still in extensions.legacyCode).</summary>
    public const string InvalidCursor = Faults.HotChocolateCodes.InvalidCursor;

    /// <summary>HotChocolate's ErrorCodes.Execution.FetchedToManyNodesAtOnce: more ids in nodes(ids:) than allowed.</summary>
    public const string TooManyNodes = Faults.HotChocolateCodes.FetchedTooManyNodesAtOnce;
    public const string InvalidNodeId = "INVALID_NODE_ID";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
}
