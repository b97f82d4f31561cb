using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Which database errors are about the statement (too big for the engine) rather than the database being in trouble.</summary>
public static class DatabaseErrors
{
    // SQLite's own limits, by the message it gives (they all share SQLITE_ERROR / SQLITE_TOOBIG codes).
    private static readonly string[] SqliteLimits =
    [
        "too many SQL variables", "Expression tree is too large", "parser stack overflow", "too many terms in compound SELECT",
        "LIKE or GLOB pattern too complex", "string or blob too big", "too many columns", "at most 64 tables in a join",
    ];

    // SQL Server: 8003 too many parameters, 8623/8632 the optimizer's or expression services' internal limits,
    // 191 nested too deeply, 8631 stack overflow while compiling, 701 out of memory for the query.
    private static readonly int[] SqlServerLimits = [8003, 8623, 8632, 191, 8631, 701];

    /// <summary>True when the statement itself exceeds a limit of the engine; running it again can never succeed.</summary>
    public static bool IsStatementTooLarge(DbException exception) => exception switch
    {
        SqliteException sqlite => SqliteLimits.Any(m => sqlite.Message.Contains(m, StringComparison.OrdinalIgnoreCase)),
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerLimits.Contains(e.Number)),
        _ => false,
    };
}
