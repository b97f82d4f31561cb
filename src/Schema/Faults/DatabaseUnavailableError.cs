using GraphQL;

namespace RlhfGraph.Schema.Faults;

/// <summary>A field that could not be read because the database failed; the HTTP layer answers 503.</summary>
internal sealed class DatabaseUnavailableError : ExecutionError
{
    public const string ErrorCode = "DATABASE_UNAVAILABLE";

    public DatabaseUnavailableError(Exception inner)
        : base("The database is unavailable right now; try again shortly.", inner)
    {
        Code = ErrorCode;
    }
}
