using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using RlhfGraph.Api.Observability;

namespace RlhfGraph.Api.RateLimiting;

/// <summary>
/// Charges an operation's estimated cost to its client between validation (which computes the cost) and execution,
/// so an operation the budget cannot pay for runs no SQL. Operations refused earlier (invalid, over the limits) pay
/// for what they caused instead, in RateLimitMiddleware.
/// </summary>
internal sealed class CostCharger(CostRateLimits limits, IHttpContextAccessor http) : IConfigureExecution
{
    public const string Code = "RATE_LIMITED";

    public const string BudgetExceededCode = "COST_EXCEEDS_BUDGET";

    public float SortOrder => 160;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (http.HttpContext is { } context && context.Items[RateLimitMiddleware.ClientKey] is string client)
            options.Listeners.Add(new Listener(limits, client, context.Features.Get<GraphQLOperationFeature>()));
        return next(options);
    }

    private sealed class Listener(CostRateLimits limits, string client, GraphQLOperationFeature? feature) : DocumentExecutionListenerBase
    {
        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            var cost = OperationCost.Of(context.UserContext) ?? 1;
            var points = (int)Math.Clamp(Math.Ceiling(cost), 1, int.MaxValue);
            // Waiting never helps an operation dearer than the whole window: refused as such, with no Retry-After and nothing charged.
            if (points > limits.Options.Budget)
                throw new BudgetExceededError(points, limits.Options.Budget);
            using var lease = limits.Acquire(client, points);
            if (lease.IsAcquired && feature is not null) feature.Charged = true;
            if (lease.IsAcquired || !CostWindowState.TryRead(lease, out var state)) return Task.CompletedTask;
            if (feature is not null) feature.ThrottledFor = state.RetryAfter;
            throw new RateLimitedError($"This operation costs {points:N0} points and {state.Remaining:N0} of {state.Limit:N0} are left; the budget resets at {state.ResetsAt:yyyy-MM-ddTHH:mm:ssZ} (in {Math.Ceiling(state.RetryAfter!.Value.TotalSeconds):0} s).",
                points, state);
        }
    }
}

/// <summary>Over budget: answered as a GraphQL error with what is left and when it resets; the HTTP status is 429.</summary>
internal sealed class RateLimitedError : ExecutionError
{
    public RateLimitedError(string message, int cost, CostWindowState state)
        : base(message)
    {
        Code = CostCharger.Code;
        Extensions ??= new Dictionary<string, object?>();
        Extensions["cost"] = cost;
        Extensions["remaining"] = state.Remaining;
        Extensions["limit"] = state.Limit;
        Extensions["resetAt"] = state.ResetsAt.ToUnixTimeSeconds();
    }
}

/// <summary>
/// An operation whose cost alone exceeds the whole budget of a window: no wait admits it, so it is the client's request to
/// change (400 with application/graphql-response+json, like the cost limit HC0047), never a 429.
/// </summary>
internal sealed class BudgetExceededError : ExecutionError
{
    public BudgetExceededError(int cost, int budget)
        : base($"This operation costs {cost:N0} points, more than the whole budget of {budget:N0} points per window, so it can never run; ask for less (fewer or smaller pages).")
    {
        Code = CostCharger.BudgetExceededCode;
        Extensions ??= new Dictionary<string, object?>();
        Extensions["cost"] = cost;
        Extensions["limit"] = budget;
    }
}
