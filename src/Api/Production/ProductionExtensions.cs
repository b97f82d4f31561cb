using RlhfGraph.Api.Caching;
using RlhfGraph.Api.Compression;
using RlhfGraph.Api.Observability;
using RlhfGraph.Api.Persisted;
using RlhfGraph.Api.RateLimiting;

namespace RlhfGraph.Api.Production;

/// <summary>What a production deployment of the API adds around the GraphQL endpoint; each part has its own section and switch (README, "Running it in production").</summary>
internal static class ProductionExtensions
{
    public static IHostApplicationBuilder AddProductionFeatures(this IHostApplicationBuilder builder) =>
        builder.AddTelemetry().AddPersistedOperations().AddHttpCaching().AddCostRateLimits().AddCompression();

    /// <summary>Order matters: compression wraps everything; rate-limit headers go on every answer, 304s included; caching may answer before the endpoint.</summary>
    public static WebApplication UseProductionFeatures(this WebApplication app) =>
        app.UseTelemetry().UseCompression().UseCostRateLimits().UseHttpCaching();
}
