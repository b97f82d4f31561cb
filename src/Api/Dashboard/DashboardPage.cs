using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace RlhfGraph.Api.Dashboard;

/// <summary>
/// A sample dashboard at /dashboard/: plain HTML, CSS and JavaScript embedded in this assembly, so
/// it needs no build step, no CDN and nothing fetched at run time. It queries /graphql like any
/// third-party client would, which makes it living documentation of stats, search and co-authors.
/// </summary>
internal static class DashboardPage
{
    public const string Path = "/dashboard";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
    };

    /// <summary>The dashboard's operations (Operations/*.graphql, embedded) by name → document id; the page sends ids only, from the trusted folder.</summary>
    internal static readonly Lazy<SortedDictionary<string, string>> Operations = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var operations = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Dashboard/Operations/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            operations[System.IO.Path.GetFileNameWithoutExtension(resource)] = Persisted.DocumentHash.Of(reader.ReadToEnd());
        }

        return operations;
    });

    /// <summary>The icon browsers ask for at /favicon.ico (any page of the host) and the dashboard links to.</summary>
    private static readonly Lazy<byte[]> Favicon = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dashboard/favicon.ico")
            ?? throw new InvalidOperationException("Dashboard/favicon.ico is not embedded in the API assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/favicon.ico", FaviconResult);
        app.MapGet($"{Path}/{{file?}}", async (HttpContext context, string? file) =>
        {
            // Its files load relative to the page, so the page lives at /dashboard/ (routing treats both paths as one).
            if (file is null && !context.Request.Path.Value!.EndsWith('/')) return Results.Redirect($"{context.Request.PathBase}{Path}/");
            var name = string.IsNullOrEmpty(file) ? "index.html" : file;
            if (name == "favicon.ico") return FaviconResult(context);
            if (name == "operations.json")
            {
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                return Results.Json(Operations.Value);
            }

            if (!Files.TryGetValue(name, out var contentType)) return Results.NotFound();
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dashboard/{name}")
                ?? throw new InvalidOperationException($"Dashboard/{name} is not embedded in the API assembly.");
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                return Results.Text(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false), contentType);
            }
        });
        return app;
    }

    private static IResult FaviconResult(HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
        return Results.File(Favicon.Value, "image/x-icon");
    }
}
