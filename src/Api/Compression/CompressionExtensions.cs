using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using RlhfGraph.Api.Http;

namespace RlhfGraph.Api.Compression;

internal static class CompressionExtensions
{
    public static IHostApplicationBuilder AddCompression(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CompressionOptions.SectionName);
        builder.Services.Configure<CompressionOptions>(section);
        var level = (section.Get<CompressionOptions>() ?? new CompressionOptions()).Level;
        builder.Services.AddResponseCompression(options =>
        {
            // The answers hold public data only (no secrets next to attacker-chosen text), so BREACH has nothing to find over HTTPS.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, MediaTypes.GraphQLResponse];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = level);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = level);
        builder.Services.AddSingleton<IResponseCompressionProvider, ThresholdCompressionProvider>();
        return builder;
    }

    public static WebApplication UseCompression(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<CompressionOptions>>().Value.Enabled) return app;
        app.UseResponseCompression();
        app.UseWhen(c => c.Request.Path == GraphQLEndpoint.Path && !c.Request.Query.ContainsKey("sdl"), branch => branch.UseMiddleware<ResponseLengthMiddleware>());
        return app;
    }
}
