using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RlhfGraph.Tests.Infrastructure;

namespace RlhfGraph.Tests.Faults;

/// <summary>
/// The SQLite file deleted, overwritten or locked under a running API: /graphql answers 503 with a GraphQL-shaped
/// DATABASE_UNAVAILABLE without retrying (one connection attempt, counted rather than timed, so the machine's load
/// cannot decide the outcome), /health/ready is unhealthy, and both recover by themselves once the file is back.
/// SQLite only: these are things that happen to a file (each test works on its own copy of the seeded one).
/// </summary>
[Collection(SqliteApiCollection.Name)]
public sealed class DatabaseOutageTests(SqliteApiFactory api) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rlhfgraph-outage-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private (WebApplicationFactory<Program> Host, string File) CopyOfTheSeededDatabase()
    {
        var original = new SqliteConnectionStringBuilder(api.Database.ConnectionString).DataSource;
        var copy = Path.Combine(_directory, "graph.db");
        File.Copy(original, copy);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString();
        var host = api.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:RlhfGraph", connectionString));
        return (host, copy);
    }

    private async Task<(GraphQLResponse GraphQL, int Ready)> AskAsync(HttpClient client, string accept = "application/graphql-response+json")
    {
        using var request = ApiFactory.GraphQLRequest("{ papers(first: 2) { totalCount nodes { title } } }", accept: accept);
        var graphQL = await api.SendAsync(request, client);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (graphQL, (int)ready.StatusCode);
    }

    private static void AssertUnavailable((GraphQLResponse GraphQL, int Ready) answer)
    {
        Assert.Equal(503, answer.GraphQL.Status);
        Assert.Equal("DATABASE_UNAVAILABLE", answer.GraphQL.Code);
        Assert.DoesNotContain("Sqlite", answer.GraphQL.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(503, answer.Ready);
    }

    private static void AssertServing((GraphQLResponse GraphQL, int Ready) answer)
    {
        answer.GraphQL.ShouldSucceed();
        Assert.Equal(200, answer.Ready);
    }

    [Fact]
    public async Task ADeletedDatabaseFileIs503UntilItIsBack()
    {
        var (host, file) = CopyOfTheSeededDatabase();
        await using var _ = host;
        using var client = host.CreateClient();
        AssertServing(await AskAsync(client));

        File.Move(file, file + ".away");
        AssertUnavailable(await AskAsync(client));
        var legacy = await AskAsync(client, accept: "application/json");

        File.Move(file + ".away", file, overwrite: true);
        AssertServing(await AskAsync(client));
        Assert.Equal(503, legacy.GraphQL.Status);
    }

    [Fact]
    public async Task AnOverwrittenDatabaseFileIs503UntilItIsRestored()
    {
        var (host, file) = CopyOfTheSeededDatabase();
        await using var _ = host;
        using var client = host.CreateClient();
        AssertServing(await AskAsync(client));

        File.Move(file, file + ".good");
        await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);
        AssertUnavailable(await AskAsync(client));

        File.Move(file + ".good", file, overwrite: true);
        AssertServing(await AskAsync(client));
    }

    [Fact]
    public async Task AnUnreachableSqlServerIs503AfterOneConnectionAttemptNotAfterRetries()
    {
        // Nothing listens on port 1 of loopback: the connection is refused at once, as when the server is down.
        var openings = new ConnectionOpenings();
        await using var host = api.WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", "SqlServer")
            .UseSetting("ConnectionStrings:RlhfGraph", "Server=tcp:127.0.0.1,1;Database=RlhfGraph;User Id=sa;Password=unused;TrustServerCertificate=True;Connect Timeout=2")
            .ConfigureServices(services => services.ConfigureDbContext<RlhfGraph.Persistence.Providers.SqlServerRlhfGraphDbContext>(o => o.AddInterceptors(openings))));
        using var client = host.CreateClient();

        using var request = ApiFactory.GraphQLRequest("{ papers(first: 2) { totalCount nodes { title } } }");
        var graphQL = await api.SendAsync(request, client);
        var attempts = openings.Count;
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(503, graphQL.Status);
        Assert.Equal("DATABASE_UNAVAILABLE", graphQL.Code);
        Assert.Equal(1, attempts);
        Assert.Equal(503, (int)ready.StatusCode);
    }

    /// <summary>Counts connection attempts (each open, successful or not).</summary>
    private sealed class ConnectionOpenings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> ConnectionOpeningAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ConnectionOpeningAsync(connection, eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task ALockedDatabaseIs503WithinSecondsByDefaultAndRecoversWhenReleased()
    {
        // With the default settings: SQLite waits Database:CommandTimeoutSeconds (3 s unless set) for the lock.
        var (host, file) = CopyOfTheSeededDatabase();
        await using var _ = host;
        using var client = host.CreateClient();
        AssertServing(await AskAsync(client));

        await using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            await locker.OpenAsync();
            await using (var command = locker.CreateCommand())
            {
                command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
                await command.ExecuteNonQueryAsync();
            }

            AssertUnavailable(await AskAsync(client));
        }

        AssertServing(await AskAsync(client));
    }
}
