using Microsoft.Net.Http.Headers;

namespace RlhfGraph.Api.Http;

/// <summary>The media types of GraphQL over HTTP, and the choice between them the Accept header makes.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an Accept header: graphql-response+json when the client lists it (first
    /// wins on equal quality), application/json for legacy clients and when Accept is absent or a
    /// wildcard; null when the client accepts neither (406).
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0) return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0) return Json;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            if (value.Quality == 0) continue;
            var type = value.MediaType.Value;
            if (string.Equals(type, GraphQLResponse, StringComparison.OrdinalIgnoreCase)) return GraphQLResponse;
            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*") return Json;
        }

        return null;
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase);
}
