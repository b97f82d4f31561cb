using RlhfGraph.Api.Cli;
using RlhfGraph.Api.Health;
using RlhfGraph.Persistence;

var builder = WebApplication.CreateBuilder(args);

// The graph's database: SQLite by default, SQL Server by Database:Provider; plus the list importer.
builder.AddPersistence();

// Liveness and readiness probes.
builder.AddHealth();

var app = builder.Build();

// /health (process up) and /health/ready (database reachable).
app.MapHealth();

// serve (default), seed, migrate: see `dotnet run --project src/Api -- --help`.
return await app.RunCommandLineAsync(args);

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
