using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RlhfGraph.Tests.Infrastructure;

/// <summary>
/// The real API over real HTTP (in-memory server), on a database seeded from the real lists, with a command
/// counter so tests can assert how many SQL statements a request issued. Abstract over the engine:
/// <see cref="SqliteApiFactory"/> and <see cref="SqlServerApiFactory"/> are the two collection fixtures.
/// </summary>
public abstract class ApiFactory(DatabaseEngine engine) : WebApplicationFactory<Program>, IDatabaseFixture, IAsyncLifetime
{
    private TestDatabase? _database;

    public string? SkipReason => engine.SkipReason;

    public CommandCounter Commands { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null) return;
        _database = await engine.CreateDatabaseAsync();
        await _database.CreateImporter().ImportAsync(TestDatabase.SeedDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        // Pooled, as shipped: the pooled connection is where prepared statements are kept (ReadSnapshotTests cover both).
        builder.UseSetting("ConnectionStrings:RlhfGraph", Database.ConnectionStringWithPooling(true));
        builder.UseSetting("Database:InitializeOnStartup", "false");
        // Rate limits stay on but out of reach: the whole suite is one client; RateLimitTests set small budgets.
        builder.UseSetting("RateLimits:Budget", "2000000000");
        builder.ConfigureServices(services => Database.AddInterceptor(services, Commands));
    }

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = GraphQLRequest(query, variables, accept);
        return await SendAsync(request);
    }

    /// <summary>A POST of a GraphQL request to /graphql, for tests that add headers or send it elsewhere.</summary>
    public static HttpRequestMessage GraphQLRequest(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    /// <summary>Sends a request (through <paramref name="client"/>, else a new client of this factory), timing it and counting its SQL statements.</summary>
    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, HttpClient? client = null)
    {
        using var own = client is null ? CreateClient() : null;
        Commands.Reset();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await (client ?? own!).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(body)!, Commands.Count)
        {
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>Every node of a root connection, page by page (100 at a time), for comparing whole result sets.</summary>
    public async Task<List<JsonNode>> AllNodesAsync(string field, string selection, object? where = null, object? order = null)
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var response = (await PostAsync(
                $"query ($after: String, $where: {Capitalize(field)}FilterInput, $order: [{Capitalize(field)}SortInput!]) {{ {field}s(first: 100, after: $after, where: $where, order: $order) {{ nodes {{ {selection} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after, where, order })).ShouldSucceed();
            var connection = response.Data[$"{field}s"]!;
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!));
            if (!(bool)connection["pageInfo"]!["hasNextPage"]!) return nodes;
            after = (string)connection["pageInfo"]!["endCursor"]!;
        }

        throw new InvalidOperationException("More than 100 pages.");
    }

    private static string Capitalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

/// <summary>What one GraphQL request answered, and how many SQL statements it cost.</summary>
public sealed record GraphQLResponse(int Status, string? MediaType, JsonNode Body, int Statements)
{
    /// <summary>From sending the request to having read the whole answer.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The first error's extensions.code.</summary>
    public string? Code => (string?)Errors?[0]?["extensions"]?["code"];

    public JsonNode Data => Body["data"] ?? throw new Xunit.Sdk.XunitException($"No data: {Body.ToJsonString()}");

    public JsonArray? Errors => Body["errors"]?.AsArray();

    public GraphQLResponse ShouldSucceed()
    {
        Assert.True(Errors is null, Body.ToJsonString());
        Assert.Equal(200, Status);
        return this;
    }
}

/// <summary>Counts every SQL command the API runs.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The API on SQLite.</summary>
public sealed class SqliteApiFactory(SqliteEngine engine) : ApiFactory(engine);

/// <summary>The API on SQL Server.</summary>
public sealed class SqlServerApiFactory(SqlServerEngine engine) : ApiFactory(engine);

[CollectionDefinition(Name)]
public sealed class SqliteApiCollection : ICollectionFixture<SqliteApiFactory>
{
    public const string Name = "API over a seeded SQLite database";
}

[CollectionDefinition(Name)]
public sealed class SqlServerApiCollection : ICollectionFixture<SqlServerApiFactory>
{
    public const string Name = "API over a seeded SQL Server database";
}
