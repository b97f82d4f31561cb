using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RlhfGraph.Persistence.Import;

/// <summary>
/// Rows read straight from the context's connection, in its current transaction: where the importer also writes straight
/// to it (see <see cref="RowInserter"/>), EF's reader boxed every value and made an execution context per row of its large
/// read-backs (250k-item list: 480 MB, docs/benchmarks.md §13).
/// </summary>
internal static class ConnectionRows
{
    /// <summary>Every row of <paramref name="sql"/> (our own text, no parameters), made by <paramref name="row"/>.</summary>
    public static List<T> Read<T>(RlhfGraphDbContext db, string sql, Func<DbDataReader, T> row)
    {
        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(row(reader));
            return rows;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }
}
