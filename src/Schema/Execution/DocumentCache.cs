using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using RlhfGraph.Schema.Limits;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// Remembers the parsed document of query texts that validated, so a client repeating a query (a dashboard, an app's
/// fixed operations) skips parsing and the spec's validation rules, which depend on the document and schema alone.
/// graphql-dotnet runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/> when
/// <see cref="ExecutionOptions.Document"/> is already set; our own rules (document limits, list limits, cost from
/// variables) are added to that set, so a cached document is never checked less than a new one.
/// Bounded by bytes (<see cref="LimitsOptions.DocumentCacheBytes"/>) and junk-proof (<see cref="AdmissionCache{TKey, TValue}"/>).
/// </summary>
internal sealed class DocumentCache(IOptions<LimitsOptions> options) : IConfigureExecution
{
    private readonly AdmissionCache<string, GraphQLDocument> _documents = new(() => options.Value.DocumentCacheBytes);

    /// <summary>After the option configurers (validation rules are in place by then), as GraphQL.MemoryCache's cache.</summary>
    public float SortOrder => 200;

    internal int Count => _documents.Count;

    internal long Bytes => _documents.Bytes;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options).ConfigureAwait(false);
        if (_documents.TryGet(query, out var cached))
        {
            options.Document = cached;
            var custom = (options.ValidationRules ?? DocumentValidator.CoreRules).Except(DocumentValidator.CoreRules);
            options.CachedDocumentValidationRules = (options.CachedDocumentValidationRules ?? []).Concat(custom).Distinct().ToList();
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        // Executed means it parsed and validated; a document with errors is never reused.
        if (result.Executed && result.Document is { } document) _documents.Offer(query, document, SizeOf(query));
        return result;
    }

    /// <summary>
    /// What an entry holds: the text (UTF-16, shared with the document's source) and the syntax tree, which measured
    /// at up to about as many bytes again for documents near the token limit.
    /// </summary>
    internal static long SizeOf(string query) => 256 + (4L * query.Length);
}
