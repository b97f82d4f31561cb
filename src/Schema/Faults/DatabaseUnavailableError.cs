using GraphQL;

namespace RlhfGraph.Schema.Faults;

/// <summary>
/// A field that could not be read because the database failed; the HTTP layer answers 503. It carries no inner
/// exception (that is logged), so nothing of the provider reaches the client, not even in extensions.codes.
/// </summary>
internal sealed class DatabaseUnavailableError : ExecutionError
{
    public const string ErrorCode = "DATABASE_UNAVAILABLE";

    public DatabaseUnavailableError()
        : base("The database is unavailable right now; try again shortly.")
    {
        Code = ErrorCode;
    }
}
