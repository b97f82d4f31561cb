using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RlhfGraph.Api.Observability;

namespace RlhfGraph.Api.Caching;

/// <summary>
/// HTTP caching of GET queries on /graphql. The strong ETag is a hash of everything the answer's bytes depend on:
/// the data version (read before executing, so an import committing meanwhile can only make the answer newer than its
/// tag), the build, the query string (query or id, operationName, variables, extensions) and the request headers the
/// answer varies by. So If-None-Match is answered 304 before anything is parsed or executed. An answer with any error,
/// a refusal, a POST: Cache-Control: no-store and no ETag.
/// </summary>
internal sealed class HttpCachingMiddleware(RequestDelegate next, DataVersionReader versions, IOptions<HttpCachingOptions> options)
{
    /// <summary>Request headers that change the answer: media type, compression, HotChocolate's cost report.</summary>
    private static readonly string[] VaryBy = [HeaderNames.Accept, HeaderNames.AcceptEncoding, "GraphQL-Cost"];

    private static readonly string Vary = string.Join(", ", VaryBy);

    /// <summary>Changes with any change to the API's or the schema's code (deterministic builds: only then).</summary>
    private static readonly string Build = string.Join(",", typeof(HttpCachingMiddleware).Assembly.ManifestModule.ModuleVersionId,
        typeof(Schema.RlhfGraphSchema).Assembly.ManifestModule.ModuleVersionId);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !IsOperation(request.Query))
        {
            if (HttpMethods.IsPost(request.Method)) context.Response.OnStarting(() => NoStore(context.Response));
            await next(context).ConfigureAwait(false);
            return;
        }

        long version;
        try
        {
            version = await versions.ReadAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The endpoint answers 503 for an unreachable database; nothing is cacheable then.
            context.Response.OnStarting(() => NoStore(context.Response));
            await next(context).ConfigureAwait(false);
            return;
        }

        var etag = new EntityTagHeaderValue($"\"{Tag(version, request)}\"");
        if (Matches(request, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            WriteValidators(context.Response, etag);
            GraphQLTelemetry.CacheHits.Add(1);
            return;
        }

        context.Response.OnStarting(() =>
        {
            var feature = context.Features.Get<GraphQLOperationFeature>();
            if (context.Response.StatusCode == StatusCodes.Status200OK && feature?.Cacheable == true) WriteValidators(context.Response, etag);
            else return NoStore(context.Response);
            return Task.CompletedTask;
        });
        await next(context).ConfigureAwait(false);
    }

    private void WriteValidators(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = options.Value.CacheControl;
        response.Headers.Vary = Vary;
    }

    private static Task NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Remove(HeaderNames.ETag);
        return Task.CompletedTask;
    }

    private static bool IsOperation(IQueryCollection query) =>
        query.ContainsKey("query") || query.ContainsKey("id") || query.ContainsKey("documentId") || query.ContainsKey("extensions");

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: true));

    private static string Tag(long version, HttpRequest request)
    {
        var text = new StringBuilder().Append(version).Append('\n').Append(Build);
        foreach (var name in (string[])["query", "id", "documentId", "operationName", "variables", "extensions"])
            text.Append('\n').Append(name).Append('=').Append(request.Query[name].ToString());
        foreach (var header in VaryBy) text.Append('\n').Append(header).Append('=').Append(request.Headers[header].ToString());
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 18).Replace('+', '-').Replace('/', '_');
    }
}
