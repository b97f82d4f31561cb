using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RlhfGraph.Persistence;

namespace RlhfGraph.Api.Cli;

/// <summary>Which database a command works on, in one line: the absolute SQLite file, or SQL Server's server and database (never credentials).</summary>
internal static class DatabaseLocation
{
    public static string Describe(IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContext();
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return $"SQLite {(file is "" or ":memory:" ? "in memory" : Path.GetFullPath(file))}";
        }

        var sqlServer = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server {sqlServer.DataSource}, database {sqlServer.InitialCatalog}";
    }
}
