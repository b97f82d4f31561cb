using System.Text.Json;
using GraphQL.Transport;

namespace RlhfGraph.Api.Persisted;

/// <summary>The ways a request names a persisted document instead of (or besides) sending its text.</summary>
internal static class PersistedRequest
{
    /// <summary>True when the request carries an id (HotChocolate's "id", "documentId") or Apollo's extensions.persistedQuery.</summary>
    public static bool Identifies(GraphQLRequest request) =>
        !string.IsNullOrEmpty(request.DocumentId) || request.Extensions?.ContainsKey("persistedQuery") == true;

    /// <summary>HotChocolate's top-level "id" of a JSON body (graphql-dotnet reads only "documentId"), or null.</summary>
    public static string? HotChocolateId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isId && reader.TokenType == JsonTokenType.String) return reader.GetString();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // the request's own parser reports bad JSON
        }

        return null;
    }
}
