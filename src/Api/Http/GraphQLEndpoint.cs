using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RlhfGraph.Api.Ide;
using RlhfGraph.Api.Observability;
using RlhfGraph.Api.Persisted;
using RlhfGraph.Schema.Faults;
using RlhfGraph.Schema.Limits;

namespace RlhfGraph.Api.Http;

/// <summary>
/// GraphQL over HTTP at /graphql: POST with application/json, GET for queries, media type by
/// Accept (graphql-response+json with 4xx for requests that cannot execute, or legacy
/// application/json with 200), the schema as SDL at ?sdl, and the IDE for browsers.
/// </summary>
internal static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    private const string CorsPolicy = "graphql";

    /// <summary>Registers what the endpoint needs besides the schema: CORS for configured dashboard origins (none by default).</summary>
    public static IHostApplicationBuilder AddGraphQLEndpoint(this IHostApplicationBuilder builder)
    {
        var cors = builder.Configuration.GetSection(GraphQLCorsOptions.SectionName).Get<GraphQLCorsOptions>() ?? new GraphQLCorsOptions();
        if (cors.AllowCredentials && cors.AllowedOrigins.Contains("*"))
            throw new InvalidOperationException("Cors:AllowCredentials needs explicit Cors:AllowedOrigins; browsers refuse credentials with '*'.");
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (cors.AllowedOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(cors.AllowedOrigins);
            if (cors.AllowCredentials) policy.AllowCredentials();
            policy.WithMethods("GET", "POST").AllowAnyHeader().WithExposedHeaders(GraphQLCorsOptions.ExposedHeaders).SetPreflightMaxAge(cors.MaxAge);
        }));
        return builder;
    }

    /// <summary>Before the middlewares that may answer for /graphql themselves (rate limits, ETags), so their answers carry CORS too.</summary>
    public static WebApplication UseGraphQLCors(this WebApplication app)
    {
        app.UseCors();
        return app;
    }

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        app.MapPost(Path, HandleAsync).RequireCors(CorsPolicy);
        app.MapGet(Path, HandleAsync).RequireCors(CorsPolicy);
        app.MapMethods(Path, ["PUT", "PATCH", "DELETE"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "GET, POST";
            return GraphQLError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLError.MethodNotAllowed, "Use POST (or GET for queries) on /graphql.");
        });
        app.MapBananaCakePop(Path);
        return app;
    }

    /// <summary>Longest operation name echoed back in an error; a longer one is cut (a client may send a megabyte of it).</summary>
    internal const int MaxEchoedName = 100;

    /// <summary>
    /// A client that stops sending its body (Kestrel's minimum data rate aborts it) or goes away is logged as that, in
    /// one information line, not as the unhandled exception it would otherwise surface as.
    /// </summary>
    private static async Task HandleAsync(HttpContext context, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ISchema schema, IOptions<LimitsOptions> limitsOptions, ILoggerFactory loggers)
    {
        try
        {
            await HandleRequestAsync(context, executer, serializer, schema, limitsOptions).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            loggers.CreateLogger(typeof(GraphQLEndpoint)).LogInformation("Request from {Client} abandoned: {Reason} ({Status})", context.Connection.RemoteIpAddress, e.Message, e.StatusCode);
            if (!context.Response.HasStarted) context.Response.StatusCode = e.StatusCode;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(GraphQLEndpoint)).LogInformation("Client {Client} disconnected before the answer was written", context.Connection.RemoteIpAddress);
        }
    }

    private static async Task HandleRequestAsync(HttpContext context, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ISchema schema, IOptions<LimitsOptions> limitsOptions)
    {
        var limits = limitsOptions.Value;
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            if (request.Query.ContainsKey("sdl"))
            {
                if (!limits.Introspection)
                {
                    await GraphQLError.WriteAsync(context, StatusCodes.Status403Forbidden, LimitError.IntrospectionDisabled,
                        "The schema is not published here: introspection is switched off (Limits:Introspection).").ConfigureAwait(false);
                    return;
                }

                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(schema.Print(), context.RequestAborted).ConfigureAwait(false);
                return;
            }

            if (!request.Query.ContainsKey("query") && BananaCakePop.WantsHtml(request))
            {
                await BananaCakePop.ServeAsync(context, Path).ConfigureAwait(false);
                return;
            }
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await GraphQLError.WriteAsync(context, StatusCodes.Status406NotAcceptable, GraphQLError.NotAcceptable,
                $"This endpoint answers with {MediaTypes.GraphQLResponse} or {MediaTypes.Json}; the Accept header allows neither.").ConfigureAwait(false);
            return;
        }

        var (graphQLRequest, error) = HttpMethods.IsGet(request.Method)
            ? ReadQueryString(request, serializer, LongestList(limits))
            : await ReadBodyAsync(request, serializer, limits.MaxRequestBytes, LongestList(limits)).ConfigureAwait(false);
        if (error is not null)
        {
            await GraphQLError.WriteAsync(context, error.Value.Status, error.Value.Code, error.Value.Message, mediaType).ConfigureAwait(false);
            return;
        }

        // Length, tokens and nesting are checked on the text before anything parses it (the GET path's mutation check
        // included), so an oversized document is never parsed and no parse can fail but as a syntax error.
        if (graphQLRequest!.Query is not null && DocumentText.Check(graphQLRequest.Query, limits) is { } refused)
        {
            await GraphQLError.WriteAsync(context, StatusCodes.Status400BadRequest, refused.Code, refused.Message, mediaType).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && IsMutation(graphQLRequest))
        {
            context.Response.Headers.Allow = "POST";
            await GraphQLError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLError.MethodNotAllowed, "Mutations must be sent with POST.", mediaType).ConfigureAwait(false);
            return;
        }

        var userContext = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // Sort objects apply their keys in the order the client wrote them, in variables too.
            [RlhfGraph.Schema.Querying.ArgumentValues.RawVariablesKey] = graphQLRequest.Variables,
        };
        var costMode = CostMode(request);
        if (costMode is not null) userContext[QueryCost.ModeKey] = costMode;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(limits.ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options =>
            {
                options.Query = graphQLRequest.Query;
                options.DocumentId = graphQLRequest.DocumentId;
                options.OperationName = graphQLRequest.OperationName;
                options.Variables = graphQLRequest.Variables;
                options.Extensions = graphQLRequest.Extensions;
                options.RequestServices = context.RequestServices;
                options.User = context.User;
                options.UserContext = userContext;
                options.CancellationToken = timeout.Token;
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;  // the client left; nobody reads an answer
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            result = null!;
        }

        if (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            await GraphQLError.WriteAsync(context, StatusCodes.Status504GatewayTimeout, GraphQLError.ExecutionTimeout,
                $"The request took longer than the {limits.ExecutionTimeout.TotalSeconds:0.###} s allowed and was cancelled.", mediaType).ConfigureAwait(false);
            return;
        }

        if (costMode is not null && QueryCost.Of(userContext) is { } cost)
        {
            // HotChocolate's shape: extensions.operationCost { fieldCost, typeCost }; validate answers with it alone, 200.
            var operationCost = new Dictionary<string, object?> { ["fieldCost"] = cost.FieldCost, ["typeCost"] = cost.TypeCost };
            if (costMode == "validate" && result.Errors is [CostValidatedError])
                result = new ExecutionResult { Executed = false, Extensions = new() { ["operationCost"] = operationCost } };
            else
                (result.Extensions ??= [])["operationCost"] = operationCost;
            if (costMode == "validate" && result.Errors is null)
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = $"{mediaType}; charset=utf-8";
                await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }

        if (graphQLRequest.OperationName is { Length: > MaxEchoedName } longName && result.Errors is { } errors) result.Errors = CutName(errors, longName);
        context.Response.StatusCode = StatusOf(result, mediaType);
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The errors with every echo of <paramref name="name"/> cut to <see cref="MaxEchoedName"/> characters.</summary>
    private static ExecutionErrors CutName(ExecutionErrors errors, string name)
    {
        var cut = $"{name[..MaxEchoedName]}…";
        var copy = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (!error.Message.Contains(name, StringComparison.Ordinal))
            {
                copy.Add(error);
                continue;
            }

            var shortened = new ExecutionError(error.Message.Replace(name, cut, StringComparison.Ordinal)) { Code = error.Code, Path = error.Path };
            if (error.Locations is { } locations)
            {
                foreach (var location in locations) shortened.AddLocation(location);
            }

            if (error.Extensions is { } extensions) shortened.Extensions = new Dictionary<string, object?>(extensions);
            copy.Add(shortened);
        }

        return copy;
    }

    // A database fault is the server's, whatever the media type: 503 tells clients and balancers to retry.
    // Otherwise graphql-response+json tells clients "nothing ran" with a 4xx; legacy JSON keeps 200 for any GraphQL answer.
    // A statement too large for the database is the client's input, so 400 whatever the media type, never 503.
    // An operation dearer than the whole rate-limit budget is refused before it runs, like one over the cost limit.
    private static int StatusOf(ExecutionResult result, string mediaType) =>
        result.Errors?.Any(e => e is StatementTooLargeError) == true ? StatusCodes.Status400BadRequest
        : result.Errors?.Any(e => e is DatabaseUnavailableError) == true ? StatusCodes.Status503ServiceUnavailable
        : mediaType == MediaTypes.GraphQLResponse && (!result.Executed || result.Errors?.Any(e => e is RateLimiting.BudgetExceededError) == true) ? StatusCodes.Status400BadRequest
        : StatusCodes.Status200OK;

    /// <summary>
    /// HotChocolate's GraphQL-Cost header: "report" executes and adds the cost to extensions, "validate" computes the
    /// cost and executes nothing (limits are not enforced then, as in HotChocolate's ValidateAndReport mode).
    /// </summary>
    private static string? CostMode(HttpRequest request) =>
        !request.Headers.TryGetValue("GraphQL-Cost", out var values) ? null
        : values.Any(v => string.Equals(v?.Trim(), "validate", StringComparison.OrdinalIgnoreCase)) ? "validate"
        : values.Any(v => string.Equals(v?.Trim(), "report", StringComparison.OrdinalIgnoreCase)) ? "report"
        : null;

    /// <summary>No list argument takes more items than the largest list limit; a longer list anywhere in the request is refused unread.</summary>
    private static int LongestList(LimitsOptions limits) =>
        Math.Max(Math.Max(limits.MaxListItems, limits.MaxFilterValues), Math.Max(limits.MaxNodes, limits.MaxFilterOperands));

    private static RequestError ListTooLong(int longest) =>
        new(StatusCodes.Status400BadRequest, LimitError.ListTooLong, $"A list in the request has more than {longest} items, more than any argument accepts.");

    private static (GraphQLRequest?, RequestError?) ReadQueryString(HttpRequest request, IGraphQLTextSerializer serializer, int longestList)
    {
        var query = request.Query["query"].ToString();
        foreach (var name in (string[])["variables", "extensions"])
        {
            if (request.Query[name].ToString() is { Length: > 0 } json && JsonListScan.Longest(System.Text.Encoding.UTF8.GetBytes(json), longestList + 1) > longestList)
                return (null, ListTooLong(longestList));
        }

        try
        {
            var parsed = new GraphQLRequest
            {
                Query = NullIfEmpty(query),
                DocumentId = NullIfEmpty(request.Query["documentId"].ToString()) ?? NullIfEmpty(request.Query["id"].ToString()),
                OperationName = NullIfEmpty(request.Query["operationName"].ToString()),
                Variables = NullIfEmpty(request.Query["variables"].ToString()) is { } v ? serializer.Deserialize<Inputs>(v) : null,
                Extensions = NullIfEmpty(request.Query["extensions"].ToString()) is { } e ? serializer.Deserialize<Inputs>(e) : null,
            };
            if (string.IsNullOrWhiteSpace(query) && !PersistedRequest.Identifies(parsed))
                return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.MissingQuery, "The request has no query: pass ?query=… or a persisted document's ?id=… (or POST a JSON body)."));
            return (parsed, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.InvalidJson, "variables and extensions must be JSON objects, each key once."));
        }
    }

    private static async Task<(GraphQLRequest?, RequestError?)> ReadBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer, long maxBytes, int longestList)
    {
        if (!MediaTypes.IsJson(request.ContentType))
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, GraphQLError.UnsupportedMediaType,
                $"POST a body of type {MediaTypes.Json}; got '{request.ContentType ?? "none"}'."));
        var tooLarge = new RequestError(StatusCodes.Status413PayloadTooLarge, GraphQLError.RequestTooLarge, $"The request body is larger than the {maxBytes} bytes allowed.");
        if (request.ContentLength > maxBytes)
        {
            if (request.HttpContext.Features.Get<GraphQLOperationFeature>() is { } unread) unread.BodyBytes = 0;  // refused unread
            return (null, tooLarge);
        }

        // Kestrel stops reading past the limit too; the buffer below enforces it wherever the body comes from.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = maxBytes;
        using var buffer = new MemoryStream();
        try
        {
            if (!await CopyAtMostAsync(request.Body, buffer, maxBytes, request.HttpContext.RequestAborted).ConfigureAwait(false))
            {
                if (request.HttpContext.Features.Get<GraphQLOperationFeature>() is { } read) read.BodyBytes = maxBytes;
                return (null, tooLarge);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            if (request.HttpContext.Features.Get<GraphQLOperationFeature>() is { } read) read.BodyBytes = maxBytes;
            return (null, tooLarge);
        }

        if (request.HttpContext.Features.Get<GraphQLOperationFeature>() is { } feature) feature.BodyBytes = buffer.Length;
        if (JsonListScan.Longest(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), longestList + 1) > longestList) return (null, ListTooLong(longestList));
        buffer.Position = 0;
        GraphQLRequest? body;
        try
        {
            body = await serializer.ReadAsync<GraphQLRequest>(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        // ArgumentException: a key repeated inside variables or extensions (the dictionary refuses the second one).
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.InvalidJson,
                "The body is not a GraphQL request: expected a JSON object with query, and optionally operationName, variables and extensions (each key once)."));
        }

        if (body is not null && body.DocumentId is null && PersistedRequest.HotChocolateId(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { Length: > 0 } id)
            body.DocumentId = id;
        if (body is null || (string.IsNullOrWhiteSpace(body.Query) && !PersistedRequest.Identifies(body)))
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.MissingQuery, "The request has no query."));
        return (body, null);
    }

    /// <summary>Copies the body unless it exceeds <paramref name="maxBytes"/>; false (having read one byte more) when it does.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, MemoryStream target, long maxBytes, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > maxBytes) return false;
            target.Write(chunk, 0, read);
        }

        return true;
    }

    private static bool IsMutation(GraphQLRequest request)
    {
        if (request.Query is null) return false;  // persisted documents are queries (the schema has no mutations)
        try
        {
            var document = Parser.Parse(request.Query);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is null
                ? (operations.Count == 1 ? operations[0] : null)
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return operation?.Operation == OperationType.Mutation;
        }
        catch (GraphQLParserException)
        {
            return false;  // the executer reports the syntax error in the GraphQL shape
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private readonly record struct RequestError(int Status, string Code, string Message);
}
