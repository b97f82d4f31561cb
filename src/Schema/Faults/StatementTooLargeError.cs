using GraphQL;

namespace RlhfGraph.Schema.Faults;

/// <summary>A field whose SQL the database refused as too large for it (too many variables, too deep): the HTTP layer answers 400.</summary>
internal sealed class StatementTooLargeError : ExecutionError
{
    public const string ErrorCode = "QUERY_TOO_LARGE_FOR_DATABASE";

    public StatementTooLargeError()
        : base("The database cannot run a query this large; use fewer filter conditions or values.")
    {
        Code = ErrorCode;
    }
}
