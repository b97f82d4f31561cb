using System.Globalization;
using RlhfGraph.Api.Http;
using RlhfGraph.Api.Observability;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>
/// On /graphql: GitHub's X-RateLimit-Limit, -Remaining, -Used and -Reset (epoch seconds) on every response, and 429 with
/// Retry-After for a client whose budget is spent (before anything is read) or whose operation cost more than was left.
/// A request that ran nothing (refused, invalid, too large: every answer but an executed operation, a 304 and the
/// refusal for a spent budget) pays for the work it caused: <see cref="RateLimitOptions.RefusalMinimum"/> points, or
/// one per <see cref="RateLimitOptions.RefusalBytesPerPoint"/> bytes of body and query string if that is more,
/// charged before the headers are written so they show it.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, CostRateLimits limits)
{
    public const string ClientKey = "rlhfgraph.ratelimit.client";

    public async Task InvokeAsync(HttpContext context)
    {
        var client = limits.ClientOf(context);
        context.Items[ClientKey] = client;
        var feature = context.Features.Get<GraphQLOperationFeature>() ?? new GraphQLOperationFeature();
        context.Features.Set(feature);
        var probed = false;
        context.Response.OnStarting(() =>
        {
            if (!probed && !feature.Charged && feature.ThrottledFor is null && context.Response.StatusCode != StatusCodes.Status304NotModified
                && !IsPage(context))
                limits.Charge(client, RefusalCost(context, feature));
            using var lease = limits.Acquire(client, 0);
            if (CostWindowState.TryRead(lease, out var state)) WriteHeaders(context.Response, state);
            if (feature.ThrottledFor is { } retry)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = RetryAfter(retry);
                GraphQLTelemetry.Throttled.Add(1, new KeyValuePair<string, object?>("graphql.operation.name", GraphQLTelemetry.TagOf(feature.OperationName)));
            }

            return Task.CompletedTask;
        });

        using (var probe = limits.Acquire(client, 0))
        {
            if (!probe.IsAcquired && CostWindowState.TryRead(probe, out var spent))
            {
                feature.ThrottledFor = spent.RetryAfter;
                probed = true;
                feature.OperationName = await RequestedOperation.NameAsync(context.Request).ConfigureAwait(false);
                OperationObserver.RecordRefused(context, feature.OperationName, CostCharger.Code);
                await GraphQLError.WriteAsync(context, StatusCodes.Status429TooManyRequests, CostCharger.Code,
                    $"The budget of {spent.Limit:N0} cost points per window is spent (0 left); it resets at {spent.ResetsAt:yyyy-MM-ddTHH:mm:ssZ} (in {RetryAfter(spent.RetryAfter ?? TimeSpan.Zero)} s).",
                    MediaTypes.Negotiate(context.Request.Headers.Accept)).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>Points for a request that ran nothing: the minimum, or its bytes read at the configured rate.</summary>
    private int RefusalCost(HttpContext context, GraphQLOperationFeature feature) =>
        limits.RefusalPoints((feature.BodyBytes ?? context.Request.ContentLength ?? 0) + (context.Request.QueryString.Value?.Length ?? 0));

    /// <summary>The IDE and ?sdl: a GET without an operation, answered from memory (Banana Cake Pop, the printed schema).</summary>
    private static bool IsPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && context.Response.StatusCode == StatusCodes.Status200OK
        && !context.Request.Query.ContainsKey("query") && !context.Request.Query.ContainsKey("id") && !context.Request.Query.ContainsKey("documentId")
        && !context.Request.Query.ContainsKey("extensions");

    private static void WriteHeaders(HttpResponse response, CostWindowState state)
    {
        response.Headers["X-RateLimit-Limit"] = state.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = state.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Used"] = Math.Min(state.Used, state.Limit).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = state.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static string RetryAfter(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
