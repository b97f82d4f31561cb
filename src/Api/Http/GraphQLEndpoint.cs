using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using RlhfGraph.Api.Ide;

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
        builder.Services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (cors.AllowedOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(cors.AllowedOrigins);
            policy.WithMethods("GET", "POST").AllowAnyHeader();
        }));
        return builder;
    }

    public static WebApplication MapGraphQLEndpoint(this WebApplication app)
    {
        app.UseCors();
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

    private static async Task HandleAsync(HttpContext context, IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, ISchema schema)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method))
        {
            if (request.Query.ContainsKey("sdl"))
            {
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
            ? ReadQueryString(request, serializer)
            : await ReadBodyAsync(request, serializer).ConfigureAwait(false);
        if (error is not null)
        {
            await GraphQLError.WriteAsync(context, error.Value.Status, error.Value.Code, error.Value.Message, mediaType).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && IsMutation(graphQLRequest!))
        {
            context.Response.Headers.Allow = "POST";
            await GraphQLError.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, GraphQLError.MethodNotAllowed, "Mutations must be sent with POST.", mediaType).ConfigureAwait(false);
            return;
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = graphQLRequest!.Query;
            options.OperationName = graphQLRequest.OperationName;
            options.Variables = graphQLRequest.Variables;
            options.Extensions = graphQLRequest.Extensions;
            options.RequestServices = context.RequestServices;
            options.User = context.User;
            options.CancellationToken = context.RequestAborted;
        }).ConfigureAwait(false);

        // graphql-response+json tells clients "nothing ran" with a 4xx; legacy JSON keeps 200 for any GraphQL answer.
        context.Response.StatusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        context.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }

    private static (GraphQLRequest?, RequestError?) ReadQueryString(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        var query = request.Query["query"].ToString();
        if (string.IsNullOrWhiteSpace(query))
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.MissingQuery, "The request has no query: pass ?query=… (or POST a JSON body)."));
        try
        {
            return (new GraphQLRequest
            {
                Query = query,
                OperationName = NullIfEmpty(request.Query["operationName"].ToString()),
                Variables = NullIfEmpty(request.Query["variables"].ToString()) is { } v ? serializer.Deserialize<Inputs>(v) : null,
                Extensions = NullIfEmpty(request.Query["extensions"].ToString()) is { } e ? serializer.Deserialize<Inputs>(e) : null,
            }, null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.InvalidJson, "variables and extensions must be JSON objects."));
        }
    }

    private static async Task<(GraphQLRequest?, RequestError?)> ReadBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        if (!MediaTypes.IsJson(request.ContentType))
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, GraphQLError.UnsupportedMediaType,
                $"POST a body of type {MediaTypes.Json}; got '{request.ContentType ?? "none"}'."));
        GraphQLRequest? body;
        try
        {
            body = await serializer.ReadAsync<GraphQLRequest>(request.Body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.InvalidJson,
                "The body is not a GraphQL request: expected a JSON object with query, and optionally operationName, variables and extensions."));
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Query))
            return (null, new RequestError(StatusCodes.Status400BadRequest, GraphQLError.MissingQuery, "The request has no query."));
        return (body, null);
    }

    private static bool IsMutation(GraphQLRequest request)
    {
        try
        {
            var document = Parser.Parse(request.Query!);
            var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
            var operation = request.OperationName is null
                ? (operations.Count == 1 ? operations[0] : null)
                : operations.FirstOrDefault(o => o.Name?.StringValue == request.OperationName);
            return operation?.Operation == OperationType.Mutation;
        }
        catch (GraphQLSyntaxErrorException)
        {
            return false;  // the executer reports the syntax error in the GraphQL shape
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;

    private readonly record struct RequestError(int Status, string Code, string Message);
}
