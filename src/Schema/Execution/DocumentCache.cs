using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
/// A cached document is validated with our own rules only (document limits, list limits, cost from variables), so it
/// is never checked less than a new one where the answer can differ, and never again where it cannot.
/// Bounded by bytes (<see cref="LimitsOptions.DocumentCacheBytes"/>) and junk-proof (<see cref="AdmissionCache{TKey, TValue}"/>).
/// <para>
/// Without variables, our rules' verdict is a function of the document, the operation chosen and the cost mode, so a
/// cached document that passed them once passes again with the same cost: that cost is remembered with the document
/// and the rules are not walked again. Any request with variables is checked in full.
/// </para>
/// </summary>
internal sealed class DocumentCache(IOptions<LimitsOptions> options) : IConfigureExecution
{
    private readonly AdmissionCache<string, GraphQLDocument> _documents = new(() => options.Value.DocumentCacheBytes);

    /// <summary>Costs of operations of cached documents that passed our rules without variables (dropped with their document).</summary>
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<(string? Operation, string? Mode), OperationCost>> _admitted = new();

    /// <summary>After the option configurers (validation rules are in place by then), as GraphQL.MemoryCache's cache.</summary>
    public float SortOrder => 200;

    internal int Count => _documents.Count;

    internal long Bytes => _documents.Bytes;

    /// <summary>Requests that skipped our rules because their document and operation had passed them without variables.</summary>
    internal long AdmittedAgain => Interlocked.Read(ref _admittedAgain);

    private long _admittedAgain;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options).ConfigureAwait(false);
        if (_documents.TryGet(query, out var cached))
        {
            options.Document = cached;
            var key = (options.OperationName, options.UserContext.TryGetValue(QueryCost.ModeKey, out var mode) ? mode as string : null);
            var withoutVariables = options.Variables is null || options.Variables.Count == 0;
            if (withoutVariables && _admitted.TryGetValue(cached, out var costs) && costs.TryGetValue(key, out var known))
            {
                options.UserContext[QueryCost.UserContextKey] = known;
                options.ValidationRules = options.CachedDocumentValidationRules = [];
                Interlocked.Increment(ref _admittedAgain);
                return await next(options).ConfigureAwait(false);
            }

            var custom = (options.ValidationRules ?? DocumentValidator.CoreRules).Except(DocumentValidator.CoreRules);
            // Both sets: graphql-dotnet validates a document handed to it with ValidationRules (profiled: the spec's
            // rules ran again on every cached document while only CachedDocumentValidationRules was narrowed).
            options.ValidationRules = options.CachedDocumentValidationRules = [.. (options.CachedDocumentValidationRules ?? []).Concat(custom).Distinct()];
            var checkedResult = await next(options).ConfigureAwait(false);
            if (withoutVariables && checkedResult.Executed && QueryCost.Of(options.UserContext) is { } cost)
                _admitted.GetOrCreateValue(cached)[key] = cost;
            return checkedResult;
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
