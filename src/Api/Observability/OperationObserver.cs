using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

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
        var clock = Stopwatch.StartNew();
        var result = await next(options).ConfigureAwait(false);
        clock.Stop();

        var operation = result.Operation;
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
            activity.DisplayName = name == GraphQLTelemetry.Anonymous ? type : $"{type} {name}";
            activity.SetTag("graphql.operation.name", name);
            activity.SetTag("graphql.operation.type", type);
            activity.SetTag("graphql.document.id", options.DocumentId);
            activity.SetTag("rlhfgraph.cost", cost);
            activity.SetTag("rlhfgraph.statements", statements.Value);
            if (result.Errors is { Count: > 0 } errors)
            {
                activity.SetStatus(ActivityStatusCode.Error, errors[0].Code);
                activity.SetTag("error.type", errors[0].Code);
            }
        }

        return result;
    }
}
