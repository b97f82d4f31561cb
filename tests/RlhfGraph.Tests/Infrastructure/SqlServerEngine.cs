using DotNet.Testcontainers.Builders;
using RlhfGraph.Persistence;
using Testcontainers.MsSql;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// SQL Server 2022 in one Testcontainers.MsSql container for the whole run, started by the first test that needs
/// it; each database is a new catalog in it. Without a reachable Docker engine every SQL Server test is skipped.
/// </summary>
public sealed class SqlServerEngine : DatabaseEngine
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    public const string NoDocker = "no Docker engine: SQL Server tests need one";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private MsSqlContainer? _container;
    private bool _started;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <summary>Only finds out whether Docker is there (Testcontainers looks for an endpoint without pulling anything).</summary>
    public override ValueTask InitializeAsync()
    {
        try
        {
            _container = new MsSqlBuilder(Image).Build();
        }
        catch (DockerUnavailableException)
        {
            SkipReason = NoDocker;
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task<TestDatabase> CreateMigratedDatabaseAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started)
            {
                await _container!.StartAsync();
                _started = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        return await SqlServerTestDatabase.CreateAsync(_container!.GetConnectionString());
    }

    public override async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        _gate.Dispose();
        await base.DisposeAsync();
    }
}
