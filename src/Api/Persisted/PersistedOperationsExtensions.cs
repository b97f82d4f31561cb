using GraphQL.DI;

namespace RlhfGraph.Api.Persisted;

internal static class PersistedOperationsExtensions
{
    /// <summary>Trusted documents from the configured folder, automatic persisted queries, and the persisted-only switch.</summary>
    public static IHostApplicationBuilder AddPersistedOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PersistedOperationsOptions>(builder.Configuration.GetSection(PersistedOperationsOptions.SectionName));
        builder.Services.AddSingleton<TrustedDocuments>();
        builder.Services.AddSingleton<PersistedOperationHandler>();
        builder.Services.AddSingleton<IConfigureExecution>(provider => provider.GetRequiredService<PersistedOperationHandler>());
        return builder;
    }
}
