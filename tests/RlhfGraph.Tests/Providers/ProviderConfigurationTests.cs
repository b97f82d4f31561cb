using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RlhfGraph.Persistence;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Tests.Providers;

/// <summary>
/// What the two production settings alone (Database:Provider, ConnectionStrings:RlhfGraph) give, checked without a
/// server: nothing here opens a connection.
/// </summary>
public sealed class ProviderConfigurationTests
{
    private const string Dummy = "Server=no-such-host;Database=RlhfGraph;User Id=app;Password=unused;TrustServerCertificate=True";

    private static IHost Build(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddPersistence();
        return builder.Build();
    }

    [Fact]
    public void ProviderAndConnectionStringAreAllItTakesToRunOnSqlServer()
    {
        using var host = Build(("Database:Provider", "SqlServer"), ("ConnectionStrings:RlhfGraph", Dummy));
        using var db = host.Services.GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContext();

        Assert.IsType<SqlServerRlhfGraphDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
        Assert.Equal("no-such-host", new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        // Transient faults (failover, throttling) are retried; the importer's transaction runs inside the strategy.
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.Equal(30, db.Database.GetCommandTimeout());
    }

    [Fact]
    public void SqliteWaitsOnlyAFewSecondsForALockUnlessConfigured()
    {
        using var host = Build(("ConnectionStrings:RlhfGraph", "Data Source=:memory:"));
        using var db = host.Services.GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContext();

        Assert.True(db.Database.IsSqlite());
        Assert.Equal(DatabaseOptions.SqliteDefaultCommandTimeoutSeconds, db.Database.GetCommandTimeout());
    }

    [Fact]
    public void TheCommandTimeoutIsConfigurable()
    {
        using var host = Build(("Database:Provider", "SqlServer"), ("ConnectionStrings:RlhfGraph", Dummy), ("Database:CommandTimeoutSeconds", "120"));
        using var db = host.Services.GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContext();

        Assert.Equal(120, db.Database.GetCommandTimeout());
    }

    [Theory]
    [InlineData("SqlServer", null, false)]
    [InlineData("SqlServer", "true", true)]
    [InlineData("Sqlite", null, true)]
    [InlineData("Sqlite", "false", false)]
    public void ProductionOnSqlServerDoesNotMigrateOrSeedOnStartUpUnlessAsked(string provider, string? initialize, bool expected)
    {
        using var host = Build(("Database:Provider", provider), ("ConnectionStrings:RlhfGraph", provider == "SqlServer" ? Dummy : "Data Source=:memory:"), ("Database:InitializeOnStartup", initialize));

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ShouldInitializeOnStartup);
    }

    [Fact]
    public void SqlServerWithoutAConnectionStringIsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Database:Provider", "SqlServer")));

        Assert.Contains("ConnectionStrings:RlhfGraph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAProviderSettingTheGraphLivesInSqlite()
    {
        using var host = Build(("ConnectionStrings:RlhfGraph", "Data Source=:memory:"));
        using var db = host.Services.GetRequiredService<IDbContextFactory<RlhfGraphDbContext>>().CreateDbContext();

        Assert.IsType<SqliteRlhfGraphDbContext>(db);
        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }
}
