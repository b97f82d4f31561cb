using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Lets `dotnet ef` build the SQLite model without starting the API.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRlhfGraphDbContext>
{
    public SqliteRlhfGraphDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlite(builder, "Data Source=design-time.db", new DatabaseOptions());
        return new SqliteRlhfGraphDbContext(builder.Options);
    }
}
