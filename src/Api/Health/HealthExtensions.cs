using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RlhfGraph.Api.Health;

/// <summary>Liveness at /health, readiness (database reachable) at /health/ready.</summary>
internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness runs no checks: a process that answers is alive, whatever its database does.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}
