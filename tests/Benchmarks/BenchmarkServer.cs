using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RlhfGraph.Persistence.Providers;

namespace RlhfGraph.Benchmarks;

/// <summary>
/// The real API (Production settings) on Kestrel at a loopback port, over an existing SQLite file, with a
/// SQL statement counter and the hand-written baseline at <see cref="BaselineEndpoint.Path"/> in the same server.
/// </summary>
internal sealed class BenchmarkServer : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <summary><paramref name="settings"/> override the API's configuration (e.g. RateLimits:Budget); <paramref name="port"/> 0 takes a free one.</summary>
    public BenchmarkServer(SqliteFile database, IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        _connectionString = database.ConnectionString;
        _settings = settings ?? new Dictionary<string, string>();
        // WebApplicationFactory finds the API's content root from a manifest only test projects get; say where it is.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RLHFGRAPH_API", ApiDirectory());
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Client { get; }

    internal static string ApiDirectory()
    {
        // From the build output (the usual case), else from the working directory (a copy of the output elsewhere).
        foreach (var start in (string[])[AppContext.BaseDirectory, Environment.CurrentDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Api");
                if (File.Exists(Path.Combine(candidate, "RlhfGraph.Api.csproj"))) return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Api not found above the benchmark's folder; run it from the repository.");
    }

    public StatementCounter Statements { get; } = new();

    /// <summary>POSTs a GraphQL request; returns the body and the SQL statements it cost.</summary>
    public async Task<(string Body, int Statements)> GraphQLAsync(string query, string? variablesJson = null)
    {
        Statements.Reset();
        using var content = new StringContent(Body(query, variablesJson), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/graphql", content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        return (body, Statements.Count);
    }

    public static string Body(string query, string? variablesJson) =>
        $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)}{(variablesJson is null ? "" : $",\"variables\":{variablesJson}")}}}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:RlhfGraph", _connectionString);
        builder.UseSetting("Database:InitializeOnStartup", "false");
        // One loopback client drives every benchmark; its cost budget must not be what is measured.
        builder.UseSetting("RateLimits:Budget", "2000000000");
        // On a saturated shared machine a cold server's first requests can pass the 30 s production limit; a benchmark
        // should report them slow, not fail on them. (No request near the limit is in any measured figure.)
        builder.UseSetting("Limits:ExecutionTimeout", "00:05:00");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteRlhfGraphDbContext>(options => options.AddInterceptors(Statements));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new BaselineEndpoint.StartupFilter(_connectionString));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new CountersEndpoint(Statements));
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Client.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>
    /// When the server runs in a process of its own (`serve`), the driving process reads its counters here:
    /// SQL statements and their time, and bytes allocated by the whole server process (no load client in it).
    /// </summary>
    private sealed class CountersEndpoint(StatementCounter statements) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public const string Path = "/_benchmark/counters";

        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> following) =>
            {
                if (context.Request.Path != Path)
                {
                    await following();
                    return;
                }

                context.Response.ContentType = "application/json";
                await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, System.Text.Json.JsonSerializer.Serialize(new Counters(
                    statements.Count, statements.Time.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true))));
            });
            next(app);
        };
    }

    internal sealed record Counters(long Statements, double StatementMs, long AllocatedBytes);

    /// <summary>
    /// Counts the SQL statements EF Core runs (readers and scalars: all the API issues), and the time they take:
    /// for a reader from the command's start until it is disposed, so rows read and materialized are in it.
    /// </summary>
    internal sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;
        private long _ticks;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Summed over statements, which may overlap when requests run concurrently.</summary>
        public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _ticks, 0);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Interlocked.Add(ref _ticks, eventData.Duration.Ticks);
            return base.DataReaderDisposing(command, eventData, result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _ticks, eventData.Duration.Ticks);
            return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
