using GraphQL.DI;

namespace RlhfGraph.Api.RateLimiting;

internal static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddCostRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitOptions>(builder.Configuration.GetSection(RateLimitOptions.SectionName));
        builder.Services.AddSingleton<CostRateLimits>();
        builder.Services.AddSingleton<IConfigureExecution, CostCharger>();
        builder.Services.TryAddSingletonTimeProvider();
        return builder;
    }

    /// <summary>Only on the GraphQL endpoint: the IDE, the dashboard's files and health probes are not metered.</summary>
    public static WebApplication UseCostRateLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<CostRateLimits>().Options.Enabled)
            app.UseWhen(c => c.Request.Path == Http.GraphQLEndpoint.Path, branch => branch.UseMiddleware<RateLimitMiddleware>());
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
