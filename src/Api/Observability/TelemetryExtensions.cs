using GraphQL.DI;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RlhfGraph.Api.Observability;

internal static class TelemetryExtensions
{
    /// <summary>The variable the OpenTelemetry SDK reads; without it nothing is exported (the spans and metrics still feed in-process listeners).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Traces (ASP.NET Core, EF Core commands, one span per GraphQL operation) and metrics, exported by OTLP when configured.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<StatementCounter>();
        builder.Services.AddSingleton<IConfigureExecution, OperationObserver>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(GraphQLTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLTelemetry.Name)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable])) telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>The statement counter listens from the start, before the first request.</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<StatementCounter>();
        return app;
    }
}
