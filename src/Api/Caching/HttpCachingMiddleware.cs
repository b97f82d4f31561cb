using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RlhfGraph.Api.Observability;

namespace RlhfGraph.Api.Caching;

/// <summary>
/// HTTP caching of GET queries on /graphql. The strong ETag is a hash of everything the answer's bytes depend on:
/// the database's identity and data version (read before executing, so an import committing meanwhile can only make
/// the answer newer than its tag; the identity, because two databases repeat each other's versions), the build, the query string (query or id, operationName, variables, extensions) and the request headers the
/// answer varies by. So If-None-Match is answered 304 before anything is parsed or executed, compared weakly as RFC 9110
/// says for If-None-Match (W/"x" matches "x"). "*" matches only an answer that exists, so it runs the request and
/// turns a cacheable 200 into a 304 (anything else is answered as it is). An answer with any error, a refusal, a POST:
/// Cache-Control: no-store and no ETag. Vary names every request header the answer depends on, Origin included when
/// CORS origins are configured (the CORS headers differ by origin even where the body does not).
/// </summary>
internal sealed class HttpCachingMiddleware(RequestDelegate next, DataVersionReader versions, IOptions<HttpCachingOptions> options, IConfiguration configuration)
{
    /// <summary>Request headers that change the answer's bytes: media type, compression, HotChocolate's cost report.</summary>
    private static readonly string[] VaryBy = [HeaderNames.Accept, HeaderNames.AcceptEncoding, "GraphQL-Cost"];

    private readonly string[] _vary = VaryBy.Concat(
        configuration.GetSection(Http.GraphQLCorsOptions.SectionName).Get<Http.GraphQLCorsOptions>()?.AllowedOrigins is { Length: > 0 } ? [HeaderNames.Origin] : []).ToArray();

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

        DataIdentity version;
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
        var match = Matches(request, etag);
        if (match == Match.Tag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            WriteValidators(context.Response, etag);
            GraphQLTelemetry.CacheHits.Add(1);
            return;
        }

        if (match == Match.Any)
        {
            await AnswerAnyAsync(context, etag).ConfigureAwait(false);
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

    /// <summary>If-None-Match: * — the request runs with its answer held back; a cacheable 200 becomes a 304, anything else goes out as it is.</summary>
    private async Task AnswerAnyAsync(HttpContext context, EntityTagHeaderValue etag)
    {
        var body = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK && context.Features.Get<GraphQLOperationFeature>()?.Cacheable == true)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ContentType = default;
            context.Response.Headers.ContentLength = null;
            WriteValidators(context.Response, etag);
            GraphQLTelemetry.CacheHits.Add(1);
            return;
        }

        context.Response.Headers.CacheControl = "no-store";
        held.Position = 0;
        await held.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private void WriteValidators(HttpResponse response, EntityTagHeaderValue etag)
    {
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = options.Value.CacheControl;
        // Kept beside what others wrote (the CORS middleware's Vary: Origin), each name once.
        response.Headers.Vary = string.Join(", ", response.Headers.Vary.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Concat(_vary).Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static Task NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Remove(HeaderNames.ETag);
        return Task.CompletedTask;
    }

    private static bool IsOperation(IQueryCollection query) =>
        query.ContainsKey("query") || query.ContainsKey("id") || query.ContainsKey("documentId") || query.ContainsKey("extensions");

    /// <summary>RFC 9110 §13.1.2: If-None-Match uses the weak comparison; "*" is answered by <see cref="AnswerAnyAsync"/>.</summary>
    private static Match Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) ? Match.None
        : tags.Any(t => !t.Equals(EntityTagHeaderValue.Any) && t.Compare(etag, useStrongComparison: false)) ? Match.Tag
        : tags.Any(t => t.Equals(EntityTagHeaderValue.Any)) ? Match.Any
        : Match.None;

    private static string Tag(DataIdentity version, HttpRequest request)
    {
        var text = new StringBuilder().Append(version.Database).Append('\n').Append(version.Version).Append('\n').Append(Build);
        foreach (var name in (string[])["query", "id", "documentId", "operationName", "variables", "extensions"])
            text.Append('\n').Append(name).Append('=').Append(request.Query[name].ToString());
        foreach (var header in VaryBy) text.Append('\n').Append(header).Append('=').Append(request.Headers[header].ToString());
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 18).Replace('+', '-').Replace('/', '_');
    }

    private enum Match
    {
        None,
        Tag,
        Any,
    }
}
