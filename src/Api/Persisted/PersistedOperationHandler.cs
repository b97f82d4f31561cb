using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Api.Persisted;

/// <summary>
/// Turns a document id into its text before anything else runs: trusted documents first, then (unless persisted-only)
/// Apollo's automatic persisted queries, registered by a request that sends the hash with its text. Follows
/// HotChocolate's persisted-operation pipeline (src/HotChocolate/Core/src/Execution/Pipeline/ReadPersistedOperationMiddleware.cs,
/// WritePersistedOperationMiddleware.cs) and Apollo's protocol (an unknown hash is PERSISTED_QUERY_NOT_FOUND, which
/// apollo-link-persisted-queries answers by sending the text). graphql-dotnet's own PersistedDocumentHandler reads only
/// "sha256:"-prefixed documentIds and has no automatic registration, so it is not used.
/// A document is registered only once it has parsed and validated (its operation ran), and registering it costs its
/// client what a refused request of its length would (on top of the operation's own cost); registered documents are
/// bounded by count and by bytes.
/// </summary>
internal sealed class PersistedOperationHandler(TrustedDocuments trusted, IOptions<PersistedOperationsOptions> options, IHttpContextAccessor http) : IConfigureExecution, IDisposable
{
    public const string NotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string InvalidId = "PERSISTED_QUERY_INVALID_ID";
    public const string HashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string OnlyPersisted = Schema.Faults.HotChocolateCodes.OnlyPersistedOperationsAllowed;

    private readonly PersistedOperationsOptions _options = options.Value;

    // Sizes are bytes, each entry at least the byte budget's share of one entry: so neither bound can be passed.
    private readonly MemoryCache _registered = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.AutomaticCacheBytes) });

    /// <summary>Registered (automatic) documents held now; at most <see cref="PersistedOperationsOptions.AutomaticCacheSize"/>.</summary>
    internal int RegisteredCount => _registered.Count;

    /// <summary>Before the document cache (200), which looks documents up by their text.</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var id = options.DocumentId ?? ApolloHash(options.Extensions);
        if (string.IsNullOrWhiteSpace(options.Query)) options.Query = null;
        if (id is null)
        {
            if (_options.OnlyPersisted && (options.Query is null || !trusted.Documents.ContainsKey(DocumentHash.Of(options.Query))))
                return Refuse(OnlyPersisted, "This server runs only persisted operations: send the id of a trusted document (see `persisted write`).");
            return await next(options).ConfigureAwait(false);
        }

        if (DocumentHash.Parse(id) is not { } hash)
            return Refuse(InvalidId, $"'{Shorten(id)}' is not a document id: expected the SHA-256 of the document as 64 hex digits (optionally prefixed 'sha256:'), or its MD5 as HotChocolate writes it (Base64 or 32 hex digits).");

        if (options.Query is null)
        {
            if (trusted.TryGet(hash, out var text) || (!_options.OnlyPersisted && _options.Automatic && _registered.TryGetValue(hash, out text)))
            {
                options.Query = text;
                return await next(options).ConfigureAwait(false);
            }

            return Refuse(NotFound, _options.OnlyPersisted || !_options.Automatic
                ? $"No trusted document has the id {hash}."
                : $"No document has the id {hash}: send it again with its query to register it.");
        }

        if (!DocumentHash.Matches(hash, options.Query))
            return Refuse(HashMismatch, $"The id {hash} is not the hash of the query sent with it.");
        if (trusted.TryGet(hash, out _)) return await next(options).ConfigureAwait(false);
        if (_options.OnlyPersisted)
            return Refuse(OnlyPersisted, "This server runs only persisted operations: new documents cannot be registered.");

        var query = options.Query;
        var result = await next(options).ConfigureAwait(false);
        // Executed: it parsed and validated (a document refused by either is not worth keeping, nor free to send).
        if (_options.Automatic && result.Executed && !_registered.TryGetValue(hash, out _))
        {
            _registered.Set(hash, query, new MemoryCacheEntryOptions { Size = SizeOf(query) });
            ChargeRegistration(query);
        }

        return result;
    }

    /// <summary>Bytes a registered document is counted for: its text, and at least an even share of the byte budget per allowed entry.</summary>
    private long SizeOf(string query) =>
        Math.Max((2L * query.Length) + 64, _options.AutomaticCacheBytes / Math.Max(1, _options.AutomaticCacheSize));

    private void ChargeRegistration(string query)
    {
        if (http.HttpContext is not { } context || context.Items[RateLimiting.RateLimitMiddleware.ClientKey] is not string client) return;
        var limits = context.RequestServices.GetRequiredService<RateLimiting.CostRateLimits>();
        limits.Charge(client, limits.RefusalPoints(System.Text.Encoding.UTF8.GetByteCount(query)));
    }

    private static string? ApolloHash(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var value) == true
        && value is IReadOnlyDictionary<string, object?> persisted && persisted.TryGetValue("sha256Hash", out var hash) && hash is string text
            ? text : extensions?.ContainsKey("persistedQuery") == true ? string.Empty : null;

    private static ExecutionResult Refuse(string code, string message) =>
        new() { Executed = false, Errors = [new ExecutionError(message) { Code = code }] };

    private static string Shorten(string id) => id.Length > 80 ? $"{id[..80]}…" : id;

    public void Dispose() => _registered.Dispose();
}
