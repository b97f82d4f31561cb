using System.Data;
using System.Diagnostics;
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
        // The SDK's default resource reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; the API's name is only the fallback.
        var named = !string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameVariable])
            || (builder.Configuration[ResourceAttributesVariable] ?? "").Split(',').Any(a => a.Split('=')[0].Trim() == "service.name");
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!named) resource.AddService(GraphQLTelemetry.Name);
            })
            .WithTracing(tracing => tracing
                .AddSource(GraphQLTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation(options => options.EnrichWithIDbCommand = NameStatement))
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLTelemetry.Name)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable])) telemetry.UseOtlpExporter();
        return builder;
    }

    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public const string ResourceAttributesVariable = "OTEL_RESOURCE_ATTRIBUTES";

    /// <summary>A database span named and tagged by its statement's operation and table ("SELECT Papers"), as the conventions name them.</summary>
    private static void NameStatement(Activity activity, IDbCommand command)
    {
        var (operation, table) = SqlSummary.Of(command.CommandText);
        if (operation is null) return;
        activity.SetTag("db.operation.name", operation);
        if (table is not null) activity.SetTag("db.collection.name", table);
        activity.DisplayName = table is null ? operation : $"{operation} {table}";
    }

    /// <summary>The statement counter listens from the start, before the first request.</summary>
    public static WebApplication UseTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<StatementCounter>();
        return app;
    }
}
