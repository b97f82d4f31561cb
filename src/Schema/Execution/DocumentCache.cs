using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace RlhfGraph.Schema.Execution;

/// <summary>
/// Remembers the parsed document of every query text that validated, so a client repeating a query
/// (a dashboard, an app's fixed operations) skips parsing and the spec's validation rules, which depend on
/// the document and schema alone. graphql-dotnet runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>
/// when <see cref="ExecutionOptions.Document"/> is already set; our own rules (document limits, cost from
/// variables) are added to that set, so a cached document is never checked less than a new one.
/// GraphQL.MemoryCache does the caching part but is not available here; a bounded dictionary is all it takes.
/// </summary>
internal sealed class DocumentCache : IConfigureExecution
{
    /// <summary>Distinct query texts kept; past this, new texts are simply not cached (clients have a few fixed operations).</summary>
    internal const int Capacity = 2000;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>After the option configurers (validation rules are in place by then), as GraphQL.MemoryCache's cache.</summary>
    public float SortOrder => 200;

    internal int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options).ConfigureAwait(false);
        if (_documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            var custom = (options.ValidationRules ?? DocumentValidator.CoreRules).Except(DocumentValidator.CoreRules);
            options.CachedDocumentValidationRules = (options.CachedDocumentValidationRules ?? []).Concat(custom).Distinct().ToList();
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        // Executed means it parsed and validated; a document with errors is never reused.
        if (result.Executed && result.Document is { } document && _documents.Count < Capacity) _documents.TryAdd(query, document);
        return result;
    }
}
