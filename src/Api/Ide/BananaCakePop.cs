using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace RlhfGraph.Api.Ide;

/// <summary>
/// Serves the Banana Cake Pop IDE (from the pinned npm package the build copies next to the app)
/// under /graphql/, configured to query this endpoint. Without the assets, the route explains how
/// to get them and the API itself works as before.
/// </summary>
internal static class BananaCakePop
{
    /// <summary>Where the build copies the package's files, relative to the app's base directory.</summary>
    public const string AssetFolder = "Ide/bcp";

    public static string AssetDirectory => Path.Combine(AppContext.BaseDirectory, AssetFolder);

    public static bool IsInstalled => File.Exists(Path.Combine(AssetDirectory, "index.html"));

    /// <summary>A browser navigating to the endpoint (Accept lists text/html).</summary>
    public static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The IDE page. Its files load relative to it, so it lives at /graphql/ (routing treats the
    /// two paths as one endpoint, hence the redirect decided here rather than by a second route).
    /// </summary>
    public static async Task ServeAsync(HttpContext context, string path)
    {
        if (!context.Request.Path.Value!.EndsWith('/'))
        {
            context.Response.Redirect($"{context.Request.PathBase}{path}/");
            return;
        }

        if (IsInstalled)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(AssetDirectory, "index.html"), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(MissingAssetsPage, context.RequestAborted).ConfigureAwait(false);
        }
    }

    public static WebApplication MapBananaCakePop(this WebApplication app, string path)
    {
        app.MapGet($"{path}/bcp-config.json", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["endpoint"] = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{path}",
            ["useBrowserUrlAsEndpoint"] = true,
            ["title"] = "RlhfGraph",
            // The IDE otherwise posts to its vendor's telemetry service on start: a self-hosted API should not make its
            // users' browsers call a third party, and offline (air-gapped, this CI) the call fails with an uncaught error.
            ["disableTelemetry"] = true,
        }, JsonSerializerOptions.Web));

        if (Directory.Exists(AssetDirectory))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(AssetDirectory),
                RequestPath = path,
                OnPrepareResponse = file =>
                {
                    // The bundles carry content hashes in their names, so they never change under a URL.
                    if (file.Context.Request.Path.StartsWithSegments($"{path}/static"))
                        file.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                },
            });
        }

        return app;
    }

    private const string MissingAssetsPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>RlhfGraph: IDE not installed</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
        <h1>The Banana Cake Pop IDE is not installed</h1>
        <p>The build installs it from npm (package <code>@chillicream/bananacakepop-graphql-ide</code>), but npm was not found when this app was built.</p>
        <p>Install Node.js with npm, then run <code>dotnet build src/Api</code> again (or <code>npm ci</code> in <code>src/Api/Ide</code>).</p>
        <p>The GraphQL endpoint works without it: POST queries to <code>/graphql</code>, or read the schema at <a href="/graphql?sdl"><code>/graphql?sdl</code></a>.</p>
        </body></html>
        """;
}
