using System.Collections.Concurrent;
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
/// Bounded by bytes (<see cref="LimitsOptions.DocumentCacheBytes"/>), and junk-proof: a text is admitted only on its
/// second use (a bounded set of hashes remembers first uses), so a flood of distinct documents never enters it and
/// cannot push out the ones real clients repeat; when full, the least recently used go first.
/// GraphQL.MemoryCache does the caching part but is not available here.
/// </summary>
internal sealed class DocumentCache(IOptions<LimitsOptions> options) : IConfigureExecution
{
    /// <summary>First uses remembered (4 bytes each plus the dictionary's overhead); past this the set starts again.</summary>
    internal const int SeenCapacity = 8192;

    private readonly ConcurrentDictionary<string, Entry> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, byte> _seen = new();
    private readonly Lock _evicting = new();
    private long _bytes;
    private long _clock;

    /// <summary>After the option configurers (validation rules are in place by then), as GraphQL.MemoryCache's cache.</summary>
    public float SortOrder => 200;

    internal int Count => _documents.Count;

    internal long Bytes => Interlocked.Read(ref _bytes);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options).ConfigureAwait(false);
        if (_documents.TryGetValue(query, out var cached))
        {
            cached.LastUsed = Interlocked.Increment(ref _clock);
            options.Document = cached.Document;
            var custom = (options.ValidationRules ?? DocumentValidator.CoreRules).Except(DocumentValidator.CoreRules);
            options.CachedDocumentValidationRules = (options.CachedDocumentValidationRules ?? []).Concat(custom).Distinct().ToList();
            return await next(options).ConfigureAwait(false);
        }

        var result = await next(options).ConfigureAwait(false);
        // Executed means it parsed and validated; a document with errors is never reused.
        if (result.Executed && result.Document is { } document && SeenBefore(query)) Admit(query, document);
        return result;
    }

    /// <summary>
    /// What an entry holds: the text (UTF-16, shared with the document's source) and the syntax tree, which measured
    /// at up to about as many bytes again for documents near the token limit.
    /// </summary>
    internal static long SizeOf(string query) => 256 + (4L * query.Length);

    private bool SeenBefore(string query)
    {
        var hash = string.GetHashCode(query, StringComparison.Ordinal);
        if (_seen.TryRemove(hash, out _)) return true;
        if (_seen.Count >= SeenCapacity) _seen.Clear();
        _seen.TryAdd(hash, 0);
        return false;
    }

    private void Admit(string query, GraphQLDocument document)
    {
        var size = SizeOf(query);
        var budget = options.Value.DocumentCacheBytes;
        if (size > budget / 4) return;  // one document never takes a large share
        if (!_documents.TryAdd(query, new Entry(document, size) { LastUsed = Interlocked.Increment(ref _clock) })) return;
        if (Interlocked.Add(ref _bytes, size) <= budget) return;
        lock (_evicting)
        {
            // Over budget: drop the least recently used until it fits (rare, and over a few thousand entries at most).
            foreach (var (key, entry) in _documents.OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (Interlocked.Read(ref _bytes) <= budget) break;
                if (_documents.TryRemove(key, out var removed)) Interlocked.Add(ref _bytes, -removed.Size);
            }
        }
    }

    private sealed class Entry(GraphQLDocument document, long size)
    {
        public GraphQLDocument Document { get; } = document;

        public long Size { get; } = size;

        public long LastUsed { get; set; }
    }
}
