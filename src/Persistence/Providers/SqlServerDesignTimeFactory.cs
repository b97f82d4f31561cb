using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RlhfGraph.Persistence.Providers;

/// <summary>Lets `dotnet ef` build the SQL Server model without a server (nothing connects at design time).</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRlhfGraphDbContext>
{
    public SqlServerRlhfGraphDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerRlhfGraphDbContext>();
        DatabaseProviders.ConfigureSqlServer(builder, "Server=design-time;Database=RlhfGraph;Trusted_Connection=True;TrustServerCertificate=True", new DatabaseOptions());
        return new SqlServerRlhfGraphDbContext(builder.Options);
    }
}
