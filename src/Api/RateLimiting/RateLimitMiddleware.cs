using System.Globalization;
using RlhfGraph.Api.Http;
using RlhfGraph.Api.Observability;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>
/// On /graphql: GitHub's X-RateLimit-Limit, -Remaining, -Used and -Reset (epoch seconds) on every response, and 429 with
/// Retry-After for a client whose budget is spent (before anything is read) or whose operation cost more than was left.
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
        context.Response.OnStarting(() =>
        {
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

    private static void WriteHeaders(HttpResponse response, CostWindowState state)
    {
        response.Headers["X-RateLimit-Limit"] = state.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = state.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Used"] = Math.Min(state.Used, state.Limit).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = state.ResetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static string RetryAfter(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
