using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace RlhfGraph.Api.Observability;

/// <summary>
/// The operation a request names, read without executing it: for answers given before the executer runs (a spent rate
/// limit), so their spans and metrics carry the same operation name as executed requests. operationName when sent, else
/// the name of the document's only operation; "(anonymous)" when neither says.
/// </summary>
internal static class RequestedOperation
{
    /// <summary>Bodies read for a name at most this long; a longer one is left unread and stays anonymous.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Documents parsed for a name at most this long (the default Limits:MaxDocumentLength).</summary>
    private const int MaxDocumentLength = 32 * 1024;

    public static async Task<string> NameAsync(HttpRequest request)
    {
        string? operationName = null, query = null;
        if (HttpMethods.IsGet(request.Method))
        {
            operationName = request.Query["operationName"].ToString();
            query = request.Query["query"].ToString();
        }
        else if (request.ContentLength is null or <= MaxBodyBytes)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[8 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0 && buffer.Length <= MaxBodyBytes)
                buffer.Write(chunk, 0, read);
            if (buffer.Length <= MaxBodyBytes) (operationName, query) = ReadBody(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        if (!string.IsNullOrEmpty(operationName)) return operationName;
        return OnlyOperationName(query) ?? GraphQLTelemetry.Anonymous;
    }

    private static (string? OperationName, string? Query) ReadBody(ReadOnlySpan<byte> json)
    {
        string? operationName = null, query = null;
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.ValueTextEquals("operationName"u8) ? 1 : reader.ValueTextEquals("query"u8) ? 2 : 0;
                reader.Read();
                if (key == 1 && reader.TokenType == JsonTokenType.String) operationName = reader.GetString();
                else if (key == 2 && reader.TokenType == JsonTokenType.String) query = reader.GetString();
                else reader.Skip();
            }
        }
        catch (JsonException)
        {
            // not a GraphQL request: anonymous
        }

        return (operationName, query);
    }

    private static string? OnlyOperationName(string? query)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > MaxDocumentLength) return null;
        try
        {
            var operations = Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>().Take(2).ToList();
            return operations.Count == 1 ? operations[0].Name?.StringValue : null;
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }
}
