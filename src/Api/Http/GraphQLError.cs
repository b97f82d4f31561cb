using System.Text.Json;

namespace RlhfGraph.Api.Http;

/// <summary>Errors the endpoint raises before GraphQL runs, written in the GraphQL response shape with a stable extensions.code.</summary>
internal static class GraphQLError
{
    public const string InvalidJson = "HTTP_INVALID_JSON";
    public const string MissingQuery = Schema.Faults.HotChocolateCodes.QueryAndIdMissing;
    public const string InvalidRequest = "HTTP_INVALID_REQUEST";
    public const string UnsupportedMediaType = "HTTP_UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "HTTP_NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = Schema.Faults.HotChocolateCodes.MaxRequestSize;
    public const string ExecutionTimeout = Schema.Faults.HotChocolateCodes.Timeout;

    public static async Task WriteAsync(HttpContext context, int status, string code, string message, string? mediaType = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = $"{mediaType ?? MediaTypes.Json}; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", code);
        if (Schema.Faults.HotChocolateCodes.LegacyOf(code) is { } legacy) writer.WriteString(Schema.Faults.HotChocolateCodes.LegacyCodeField, legacy);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
