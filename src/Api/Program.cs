using RlhfGraph.Api.Cli;
using RlhfGraph.Api.Dashboard;
using RlhfGraph.Api.Health;
using RlhfGraph.Api.Http;
using RlhfGraph.Api.Production;
using RlhfGraph.Persistence;
using RlhfGraph.Schema;

// One content root whatever the working directory, so serve and every command use the same database file.
var builder = WebApplication.CreateBuilder(ApiContentRoot.Options(args));

// The graph's database: SQLite by default, SQL Server by Database:Provider; plus the list importer.
builder.AddPersistence();

// The GraphQL schema: types, filtering/sorting/paging machinery, request-scoped batching.
builder.AddGraphQLSchema();

// GraphQL over HTTP: CORS for configured dashboard origins (the Cors section).
builder.AddGraphQLEndpoint();

// Liveness and readiness probes; persisted operations, GET caching, cost rate limits, compression, OpenTelemetry.
builder.AddHealth();
builder.AddProductionFeatures();
var app = builder.Build();

// /health (process up) and /health/ready (database reachable).
app.MapHealth();

// CORS (first, so 429s and 304s carry it), compression, rate limits and ETags in front of /graphql (SDL at ?sdl, IDE)
// and of a sample dashboard at /dashboard/ that queries /graphql like a third-party client.
app.UseGraphQLCors();
app.UseProductionFeatures();
app.MapGraphQLEndpoint();
app.MapDashboard();

// serve (default), seed, migrate, schema export: see `dotnet run --project src/Api -- --help`.
return await app.RunCommandLineAsync(args);

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
