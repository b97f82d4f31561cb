using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;

namespace RlhfGraph.Api.Observability;

/// <summary>
/// Wraps every GraphQL execution (outermost, so persisted-operation and limit refusals count too): one span named like
/// HotChocolate's and the OpenTelemetry GraphQL conventions ("query Name") with the operation's name, type, cost and
/// statement count; the duration, cost and error metrics; and the outcome on the HTTP request for caching and rate limits.
/// </summary>
internal sealed class OperationObserver(IHttpContextAccessor http, StatementCounter counter) : IConfigureExecution
{
    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = GraphQLTelemetry.Source.StartActivity("graphql.operation");
        var statements = counter.Begin();
        // The operation as execution chose it: a refusal thrown before execution (the rate limiter's) leaves the result without one.
        var chosen = new OperationListener();
        options.Listeners.Add(chosen);
        var clock = Stopwatch.StartNew();
        var result = await next(options).ConfigureAwait(false);
        clock.Stop();

        var operation = result.Operation ?? chosen.Operation;
        var name = operation?.Name?.StringValue ?? options.OperationName ?? GraphQLTelemetry.Anonymous;
        var type = operation?.Operation switch { OperationType.Mutation => "mutation", OperationType.Subscription => "subscription", _ => "query" };
        var cost = OperationCost.Of(options.UserContext);
        var feature = http.HttpContext?.Features.Get<GraphQLOperationFeature>();
        if (http.HttpContext is { } context && feature is null) context.Features.Set(feature = new GraphQLOperationFeature());
        if (feature is not null)
        {
            feature.OperationName = name;
            feature.Executed = result.Executed;
            feature.Cost = cost;
            feature.Statements = statements.Value;
            feature.ErrorCodes.AddRange(result.Errors?.Select(e => e.Code ?? "UNKNOWN") ?? []);
        }

        var tag = new KeyValuePair<string, object?>("graphql.operation.name", GraphQLTelemetry.TagOf(name));
        GraphQLTelemetry.Duration.Record(clock.Elapsed.TotalSeconds, tag, new("graphql.operation.type", type));
        if (cost is { } c && result.Executed) GraphQLTelemetry.Cost.Record(c, tag);
        foreach (var error in result.Errors ?? [])
            GraphQLTelemetry.Errors.Add(1, tag, new("error.code", error.Code ?? "UNKNOWN"));

        if (activity is not null)
        {
            activity.SetTag("graphql.document.id", options.DocumentId);
            activity.SetTag("rlhfgraph.cost", cost);
            activity.SetTag("rlhfgraph.statements", statements.Value);
            Describe(activity, name, type, result.Errors?.FirstOrDefault()?.Code);
        }

        NameRequestSpan(http.HttpContext, name);
        return result;
    }

    /// <summary>
    /// An operation refused before it reached the executer (the rate limiter's "budget spent"): the same span and metrics as
    /// an executed one, under the name the request gives it, so a throttled operation is counted as itself.
    /// </summary>
    public static void RecordRefused(HttpContext context, string name, string code)
    {
        using (var activity = GraphQLTelemetry.Source.StartActivity("graphql.operation"))
        {
            if (activity is not null) Describe(activity, name, "query", code);
        }

        var tag = new KeyValuePair<string, object?>("graphql.operation.name", GraphQLTelemetry.TagOf(name));
        GraphQLTelemetry.Duration.Record(0, tag, new("graphql.operation.type", "query"));
        GraphQLTelemetry.Errors.Add(1, tag, new("error.code", code));
        NameRequestSpan(context, name);
    }

    private static void Describe(Activity activity, string name, string type, string? errorCode)
    {
        activity.DisplayName = name == GraphQLTelemetry.Anonymous ? type : $"{type} {name}";
        activity.SetTag("graphql.operation.name", name);
        activity.SetTag("graphql.operation.type", type);
        if (errorCode is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorCode);
            activity.SetTag("error.type", errorCode);
        }
    }

    /// <summary>ASP.NET Core's request span carries the operation name too, so a trace search by operation finds the whole request.</summary>
    private static void NameRequestSpan(HttpContext? context, string name) =>
        context?.Features.Get<IHttpActivityFeature>()?.Activity.SetTag("graphql.operation.name", name);

    private sealed class OperationListener : DocumentExecutionListenerBase
    {
        public GraphQLOperationDefinition? Operation { get; private set; }

        public override Task BeforeExecutionAsync(IExecutionContext context)
        {
            Operation = context.Operation;
            return Task.CompletedTask;
        }
    }
}
