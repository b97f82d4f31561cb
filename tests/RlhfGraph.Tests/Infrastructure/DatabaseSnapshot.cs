using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// A checksum of every row of every table, to prove that a failed import changed nothing. The tables are the
/// model's plus the migrations history, so it reads the same way on every provider. The database's identity (a random
/// id per database, see DatabaseIdentity) counts by its rows only, so two databases holding the same data compare equal.
/// </summary>
public static class DatabaseSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetRelationalModel().Tables.Select(t => t.Name).Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = table == "DatabaseIdentities"
                ? $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table)}"
                : $"SELECT * FROM {sql.DelimitIdentifier(table)} ORDER BY 1, 2";
            await using var reader = await select.ExecuteReaderAsync();
            var text = new StringBuilder();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
                text.Append('\n');
            }

            result[table] = $"{rows} rows, sha256 {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
        }

        return result;
    }
}
