using Microsoft.EntityFrameworkCore;

namespace RlhfGraph.Persistence.Providers;

/// <summary>
/// Inserting rows with ids of our choosing (a returning entity's retired id). SQLite takes an explicit INTEGER
/// PRIMARY KEY as is (AUTOINCREMENT only ever counts up, so the id is never handed to another row); SQL Server
/// refuses an explicit value for an IDENTITY column unless IDENTITY_INSERT is on for that table, on that connection.
/// The T-SQL lives here only (tests/RlhfGraph.Tests/Providers/TSqlParsingTests parses it).
/// </summary>
internal static class IdentityInsert
{
    /// <summary>Lets explicit ids into <paramref name="delimitedTable"/> (a delimited table name, "[Papers]").</summary>
    public static string SqlServerOn(string delimitedTable) => $"SET IDENTITY_INSERT {delimitedTable} ON;";

    /// <summary>Back to generated ids; at most one table per session may have IDENTITY_INSERT on.</summary>
    public static string SqlServerOff(string delimitedTable) => $"SET IDENTITY_INSERT {delimitedTable} OFF;";

    /// <summary>Runs <paramref name="insert"/> (which inserts rows carrying explicit ids into the table) in the current transaction.</summary>
    public static async Task RunAsync(DbContext db, string delimitedTable, Func<Task> insert, CancellationToken ct)
    {
        if (!db.Database.IsSqlServer())
        {
            await insert().ConfigureAwait(false);
            return;
        }

        // Inside the import's transaction the connection stays open, so the SET holds for the INSERTs that follow on the
        // same session. The table name comes from the EF model, delimited by the provider. No finally: if an INSERT
        // fails the transaction is rolled back and the pooled connection is reset before its next use.
        await db.Database.ExecuteSqlRawAsync(SqlServerOn(delimitedTable), ct).ConfigureAwait(false);
        await insert().ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(SqlServerOff(delimitedTable), ct).ConfigureAwait(false);
    }
}
