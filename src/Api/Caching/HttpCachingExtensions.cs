using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.Caching;

internal static class HttpCachingExtensions
{
    public static IHostApplicationBuilder AddHttpCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HttpCachingOptions>(builder.Configuration.GetSection(HttpCachingOptions.SectionName));
        builder.Services.AddSingleton<DataVersionReader>();
        return builder;
    }

    public static WebApplication UseHttpCaching(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HttpCachingOptions>>().Value.Enabled)
            app.UseWhen(c => c.Request.Path == Http.GraphQLEndpoint.Path, branch => branch.UseMiddleware<HttpCachingMiddleware>());
        return app;
    }
}
